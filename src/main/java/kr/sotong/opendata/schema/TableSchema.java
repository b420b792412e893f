package kr.sotong.opendata.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Frictionless Table Schema: fields, primary key and missing values (default {@code [""]}). */
public record TableSchema(List<SchemaField> fields, List<String> primaryKey, List<String> missingValues) {

    public TableSchema {
        fields = List.copyOf(fields);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        missingValues = missingValues == null ? List.of("") : List.copyOf(missingValues);
        Set<String> names = new HashSet<>();
        for (SchemaField f : fields) {
            if (!names.add(f.name())) {
                throw new SchemaException("필드 이름이 중복되었습니다: " + f.name());
            }
        }
        for (String k : primaryKey) {
            if (!names.contains(k)) {
                throw new SchemaException("기본키(primaryKey)의 필드가 스키마에 없습니다: " + k);
            }
        }
    }

    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public TableSchema withFields(List<SchemaField> newFields) {
        return new TableSchema(newFields, primaryKey, missingValues);
    }
}
