-- Layer.shape: jsonb -> INTEGER[] in place (issue #14 "Typed edges"). Prisma's own diff would drop the
-- column and add a new one, losing every layer's shape; this converts each row instead.
--
-- A row keeps its shape when it is a JSON array of positive whole numbers that fit an INTEGER
-- ([4, 4, 6], [6], [4.0, 2], [1e2] all convert). Anything else becomes the empty array, which the API
-- serves as "shape unknown" (it served null before): JSON null, an object, a string or number instead of
-- an array, or an array holding strings, booleans, nulls, nested arrays, fractions, zero, negatives or
-- numbers over 2147483647. No row is rejected: migrations run at start-up, and one odd legacy row must
-- not keep the server from starting. New shapes are checked before they are stored (engine manifest
-- validator: networks[i].layers[j].shape).
--
-- The column ends as Prisma writes a scalar list (schema.prisma `Int[] @default([])`): INTEGER[] with
-- DEFAULT '{}' and without NOT NULL, which schema.prisma cannot express for lists (the drift test compares
-- nullability). The conversion leaves no NULL, and Prisma writes the default when a shape is omitted.

-- AlterTable
ALTER TABLE "Layer" ALTER COLUMN "shape" DROP DEFAULT;
ALTER TABLE "Layer" ALTER COLUMN "shape" TYPE INTEGER[] USING (
  CASE
    WHEN jsonb_typeof("shape") = 'array'
      AND NOT jsonb_path_exists("shape", 'strict $[*] ? (@.type() != "number" || @ < 1 || @ > 2147483647 || @.floor() != @)')
    THEN translate("shape"::text, '[]', '{}')::NUMERIC[]::INTEGER[]
    ELSE ARRAY[]::INTEGER[]
  END
);
ALTER TABLE "Layer" ALTER COLUMN "shape" SET DEFAULT ARRAY[]::INTEGER[];
ALTER TABLE "Layer" ALTER COLUMN "shape" DROP NOT NULL;
