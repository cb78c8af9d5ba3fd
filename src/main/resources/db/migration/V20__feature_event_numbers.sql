-- The numbers of an event's source fields, for the point-in-time join's bulk read: picking a value out of
-- field_values and turning it into text costs PostgreSQL about as much per row as the rest of the read. Eight
-- bytes per source field of the view version, in the order of its definition's source fields: the value as an
-- IEEE 754 double, big-endian (as float8send writes it), when it is a JSON number; NaN with payload 1 when the
-- field has no value (missing or JSON null), NaN with payload 2 when it has one that is not a number. The double
-- is what the join makes of the stored JSON text (so -0 is 0, as numeric has no negative zero). field_values
-- stays the record of the values; rows written before this column have it NULL and are read from field_values.
ALTER TABLE feature_event ADD COLUMN field_numbers bytea;
