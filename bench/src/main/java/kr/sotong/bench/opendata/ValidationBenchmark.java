package kr.sotong.bench.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;

/**
 * Validates a generated 1,000,000-row × 20-column CSV (~200 MB, under /tmp, never committed) against a declared
 * Table Schema, and reads the same file with DuckDB's {@code read_csv} (all 20 columns typed and counted, rejected
 * rows stored with {@code store_rejects=true}: DuckDB's own way of reporting bad rows) in the same run. Prints MB/s of both and the ratio. Run with the heap the issue sets:
 * <pre>BENCH_JAVA_OPTS=-Xmx256m bench/run kr.sotong.bench.opendata.ValidationBenchmark [rows] [runs]</pre>
 */
public final class ValidationBenchmark {

    static final String[] GU = {"종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구",
            "노원구", "은평구", "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구",
            "강남구", "송파구", "강동구"};

    static final String SCHEMA = """
            {"fields": [
              {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
              {"name": "name", "type": "string", "constraints": {"required": true, "maxLength": 40}},
              {"name": "gu", "type": "string", "krType": "code", "constraints": {"enum": [%s]}},
              {"name": "dong", "type": "string"},
              {"name": "phone", "type": "string", "krType": "phone"},
              {"name": "bizno", "type": "string", "krType": "business-number"},
              {"name": "opened", "type": "date", "krType": "date"},
              {"name": "updated", "type": "datetime"},
              {"name": "amount", "type": "integer", "krType": "amount", "constraints": {"minimum": 0}},
              {"name": "rate", "type": "number", "krType": "rate", "constraints": {"minimum": 0, "maximum": 100}},
              {"name": "quantity", "type": "integer", "krType": "quantity"},
              {"name": "open_yn", "type": "string", "krType": "yn", "constraints": {"enum": ["Y", "N"]}},
              {"name": "email", "type": "string", "format": "email"},
              {"name": "postal", "type": "string", "krType": "postal-code", "constraints": {"pattern": "[0-9]{5}"}},
              {"name": "address", "type": "string"},
              {"name": "lat", "type": "number", "constraints": {"minimum": 33, "maximum": 39}},
              {"name": "lon", "type": "number", "constraints": {"minimum": 124, "maximum": 132}},
              {"name": "note", "type": "string"},
              {"name": "visits", "type": "integer", "constraints": {"minimum": 0}},
              {"name": "category", "type": "string", "constraints": {"enum": ["A", "B", "C", "D"]}}
            ], "primaryKey": ["id"]}""";

    static final String DUCK_COLUMNS = "{'id':'BIGINT','name':'VARCHAR','gu':'VARCHAR','dong':'VARCHAR','phone':'VARCHAR',"
            + "'bizno':'VARCHAR','opened':'DATE','updated':'TIMESTAMP','amount':'BIGINT','rate':'DECIMAL(5,2)',"
            + "'quantity':'BIGINT','open_yn':'VARCHAR','email':'VARCHAR','postal':'VARCHAR','address':'VARCHAR',"
            + "'lat':'DOUBLE','lon':'DOUBLE','note':'VARCHAR','visits':'BIGINT','category':'VARCHAR'}";

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sotong-bench-opendata");
        Files.createDirectories(dir);
        Path file = dir.resolve("facilities-" + rows + ".csv");
        if (!Files.exists(file)) {
            generate(file, rows);
        }
        double mb = Files.size(file) / 1_000_000.0;
        System.out.printf("file %s: %,d rows × 20 columns, %.1f MB; max heap %d MB; %d cores%n", file, rows, mb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
        List<String> quoted = new ArrayList<>();
        for (String g : GU) {
            quoted.add("\"" + g + "\"");
        }
        TableSchema schema = TableSchemaJson.read(SCHEMA.formatted(String.join(",", quoted)));
        Validator validator = new Validator();
        double[] ours = new double[runs];
        double[] duck = new double[runs];
        ValidationReport last = null;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = duckdb.createStatement()) {
                s.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
            }
            String query = duckQuery(file);
            runDuck(duckdb, query); // warm-up
            last = validator.validate(file, file.getFileName().toString(), Validator.Options.defaults().withSchema(schema));
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                last = validator.validate(file, file.getFileName().toString(), Validator.Options.defaults().withSchema(schema));
                ours[i] = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                long counted = runDuck(duckdb, query);
                duck[i] = (System.nanoTime() - t1) / 1e9;
                if (counted != rows - rows / 1000) {
                    throw new IllegalStateException("DuckDB counted " + counted + " rows");
                }
                System.out.printf("run %d: sotong %.2f s (%.0f MB/s), duckdb read_csv %.2f s (%.0f MB/s)%n", i + 1, ours[i],
                        mb / ours[i], duck[i], mb / duck[i]);
            }
        }
        Arrays.sort(ours);
        Arrays.sort(duck);
        double o = ours[runs / 2];
        double d = duck[runs / 2];
        System.out.printf("validated %,d rows, %,d errors (expected %,d), quality score %s%n", last.rows(), last.errorTotal(),
                rows / 1000, last.score());
        System.out.printf("median: sotong %.2f s = %.0f MB/s; duckdb %.2f s = %.0f MB/s; ratio sotong/duckdb = %.2f (target ≥ 0.50)%n",
                o, mb / o, d, mb / d, d / o);
    }

    static String duckQuery(Path file) {
        StringBuilder counts = new StringBuilder("count(*)");
        for (String c : new String[] {"id", "name", "gu", "dong", "phone", "bizno", "opened", "updated", "amount", "rate",
                "quantity", "open_yn", "email", "postal", "address", "lat", "lon", "note", "visits", "category"}) {
            counts.append(", count(").append(c).append(")");
        }
        return "SELECT " + counts + " FROM read_csv('" + file + "', header=true, delim=',', quote='\"', store_rejects=true, columns="
                + DUCK_COLUMNS + ")";
    }

    static long runDuck(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deterministic data; one row in a thousand carries a deliberate error (bad date). */
    static void generate(Path file, int rows) throws IOException {
        Random random = new Random(2025);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("id,name,gu,dong,phone,bizno,opened,updated,amount,rate,quantity,open_yn,email,postal,address,lat,lon,note,visits,category\n");
            StringBuilder sb = new StringBuilder(256);
            for (int i = 1; i <= rows; i++) {
                sb.setLength(0);
                String gu = GU[random.nextInt(GU.length)];
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(28);
                sb.append(i).append(',').append("시설").append(i).append(',').append(gu).append(',')
                        .append("동").append(random.nextInt(30)).append(',')
                        .append("02-").append(2000 + random.nextInt(8000)).append('-').append(1000 + random.nextInt(9000)).append(',')
                        .append(bizno(random)).append(',')
                        .append(i % 1000 == 0 ? "2025-13-01" : String.format("2025-%02d-%02d", month, day)).append(',')
                        .append(String.format("2025-%02d-%02dT%02d:%02d:00", month, day, random.nextInt(24), random.nextInt(60))).append(',')
                        .append(random.nextInt(100_000_000)).append(',')
                        .append(random.nextInt(100)).append('.').append(random.nextInt(10)).append(random.nextInt(10)).append(',')
                        .append(random.nextInt(500)).append(',')
                        .append(random.nextBoolean() ? 'Y' : 'N').append(',')
                        .append("user").append(i).append("@example.kr").append(',')
                        .append(String.format("%05d", 1000 + random.nextInt(60000))).append(',')
                        .append("서울특별시 ").append(gu).append(" 시흥대로").append(random.nextInt(200)).append("길 ").append(random.nextInt(100)).append(',')
                        .append(37).append('.').append(400000 + random.nextInt(200000)).append(',')
                        .append(126).append('.').append(800000 + random.nextInt(200000)).append(',')
                        .append("비고 없음").append(',')
                        .append(random.nextInt(10000)).append(',')
                        .append("ABCD".charAt(random.nextInt(4))).append('\n');
                w.append(sb);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String bizno(Random random) {
        String nine = String.format("%09d", random.nextInt(1_000_000_000));
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        sum += (nine.charAt(8) - '0') * 5 / 10;
        int check = (10 - sum % 10) % 10;
        return nine.substring(0, 3) + "-" + nine.substring(3, 5) + "-" + nine.substring(5) + check;
    }
}
