package io.meshgate.connector.iceberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Test fixture: a customers table with a struct column,
 * {@code (id, region, address struct<city, zip, geo struct<lat, lon>>)}, whose rows are a pure
 * function of the id: region cycles EU, US, EU, APAC; every fifth customer has no address, every
 * third address no geo, every seventh no zip. City {@code "city " + id}, zip {@code "z" + id},
 * geo {@code (id / 10.0, -id / 10.0)}.
 */
public final class SampleCustomers {
    public static final Types.StructType GEO = Types.StructType.of(
            Types.NestedField.required(6, "lat", Types.DoubleType.get()),
            Types.NestedField.required(7, "lon", Types.DoubleType.get()));
    public static final Types.StructType ADDRESS = Types.StructType.of(
            Types.NestedField.optional(3, "city", Types.StringType.get()),
            Types.NestedField.optional(4, "zip", Types.StringType.get()),
            Types.NestedField.optional(5, "geo", GEO));
    public static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(8, "region", Types.StringType.get()),
            Types.NestedField.optional(2, "address", ADDRESS));

    private SampleCustomers() {
    }

    /** Creates the table (unpartitioned, format version 2) and appends customers 1 to {@code count}. */
    public static Table create(Catalog catalog, TableIdentifier id, int count) {
        Table table = IcebergTestTables.create(catalog, id, SCHEMA, PartitionSpec.unpartitioned(), Map.of("format-version", "2"));
        List<Record> records = new ArrayList<>();
        for (long key = 1; key <= count; key++) {
            records.add(record(key));
        }
        IcebergTestTables.append(table, records);
        return table;
    }

    public static Record record(long id) {
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("id", id);
        record.setField("region", region(id));
        if (id % 5 != 0) {
            GenericRecord address = GenericRecord.create(ADDRESS);
            address.setField("city", city(id));
            address.setField("zip", id % 7 == 0 ? null : "z" + id);
            if (id % 3 != 0) {
                GenericRecord geo = GenericRecord.create(GEO);
                geo.setField("lat", id / 10.0);
                geo.setField("lon", -id / 10.0);
                address.setField("geo", geo);
            }
            record.setField("address", address);
        }
        return record;
    }

    public static String region(long id) {
        return switch ((int) (id % 4)) {
            case 1, 3 -> "EU";
            case 2 -> "US";
            default -> "APAC";
        };
    }

    public static String city(long id) {
        return "city " + id;
    }

    /**
     * Customer {@code id}'s address as a list of its fields (geo as a list of lat and lon), or
     * null, as {@link ScanRows} reads structs.
     */
    public static List<Object> address(long id) {
        if (id % 5 == 0) {
            return null;
        }
        List<Object> geo = id % 3 == 0 ? null : List.of(id / 10.0, -id / 10.0);
        return Arrays.asList(city(id), id % 7 == 0 ? null : "z" + id, geo);
    }
}
