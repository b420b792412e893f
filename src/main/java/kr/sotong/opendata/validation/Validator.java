package kr.sotong.opendata.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kr.sotong.opendata.schema.ByteCheck;
import kr.sotong.opendata.schema.CompiledField;
import kr.sotong.opendata.schema.KoreanRules;
import kr.sotong.opendata.schema.SchemaField;
import kr.sotong.opendata.schema.SchemaInference;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.table.ByteCsvReader;
import kr.sotong.opendata.table.CsvChunks;
import kr.sotong.opendata.table.TableReadException;
import kr.sotong.opendata.table.TableReader;
import kr.sotong.opendata.table.Tables;

/**
 * The validation engine. It reproduces Frictionless's error model (codes, order, row and field numbering; see
 * docs/opendata-validation.md) and adds the Korean public-data standard rules as an extra check
 * ({@code kr-standard-error}) that only looks at cells without a Frictionless error. Files are streamed; memory
 * grows only with the stored errors (capped) and the keys of unique/primary-key/duplicate-row checks.
 */
public final class Validator {

    /** Progress of a running validation, for progress bars. */
    public record Progress(String table, long rows, double fraction) {
    }

    /**
     * @param schema       declared schema, or null to infer one per table from a sample
     * @param duplicateRow run Frictionless's optional {@code duplicate-row} check
     * @param koreanRules  run the Korean public-data standard rules of fields with a {@code krType}
     * @param limitErrors  errors kept in the report (Frictionless's default is 1000); counting goes on past it
     */
    public record Options(TableSchema schema, boolean duplicateRow, boolean koreanRules, int limitErrors,
                          Tables.Options read, Consumer<Progress> progress) {

        public static Options defaults() {
            return new Options(null, false, true, 1000, Tables.Options.defaults(), null);
        }

        public Options withSchema(TableSchema s) {
            return new Options(s, duplicateRow, koreanRules, limitErrors, read, progress);
        }

        public Options withDuplicateRow(boolean d) {
            return new Options(schema, d, koreanRules, limitErrors, read, progress);
        }

        public Options withKoreanRules(boolean k) {
            return new Options(schema, duplicateRow, k, limitErrors, read, progress);
        }

        public Options withRead(Tables.Options r) {
            return new Options(schema, duplicateRow, koreanRules, limitErrors, r, progress);
        }

        public Options withProgress(Consumer<Progress> p) {
            return new Options(schema, duplicateRow, koreanRules, limitErrors, read, p);
        }

        public Options withLimitErrors(int limit) {
            return new Options(schema, duplicateRow, koreanRules, limit, read, progress);
        }
    }

    /** Rows handed from the reading thread to the validating one. */
    private static final class Batch {
        final String[][] cells;
        final int[] rowNumbers;
        final int[] oversized;
        int size;
        boolean last;
        TableReadException failure;

        Batch(int capacity) {
            cells = new String[capacity][];
            rowNumbers = new int[capacity];
            oversized = new int[capacity];
        }

        static Batch failure(TableReadException e) {
            Batch b = new Batch(0);
            b.failure = e;
            return b;
        }

        void add(String[] row, int number, int over) {
            cells[size] = row;
            rowNumbers[size] = number;
            oversized[size] = over;
            size++;
        }
    }
    private static final int SAMPLE_CELLS = 2_000_000;
    /** Size of the byte ranges of a CSV file tokenized and checked in parallel. */
    static final int CHUNK_BYTES = 1 << 20;

    /** 0: every table through the sequential reader (the reference the parallel engine is tested against). */
    private final int chunkBytes;

    public Validator() {
        this(CHUNK_BYTES);
    }

    /** {@code chunkBytes} > 0: CSV files in ranges of that many bytes, in parallel; 0: sequentially. */
    Validator(int chunkBytes) {
        this.chunkBytes = chunkBytes;
    }
    /** Threads that check cells while one reads and one commits in order. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public ValidationReport validate(Path file, String fileName, Options options) {
        long started = System.nanoTime();
        List<ValidationReport.Task> tasks = new ArrayList<>();
        Budget budget = new Budget(options.limitErrors());
        String format = null;
        String encoding = null;
        String delimiter = null;
        try (Tables tables = Tables.open(file, fileName, options.read())) {
            format = tables.format().name();
            encoding = tables.encoding();
            delimiter = tables.delimiter() == null ? null : String.valueOf(tables.delimiter());
            while (tables.hasNext()) {
                try (TableReader reader = tables.next()) {
                    ValidationReport.Task task = new TableRun(reader, options, budget, chunkBytes).run();
                    if (task != null) {
                        tasks.add(task);
                    }
                }
            }
        } catch (TableReadException e) {
            tasks.add(sourceFailure(fileName, e, budget));
        }
        if (tasks.isEmpty()) {
            tasks.add(sourceFailure(fileName, new TableReadException("source-error", "읽을 수 있는 표(시트)가 없습니다."), budget));
        }
        return new ValidationReport(fileName, format, encoding, delimiter, tasks,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static ValidationReport.Task sourceFailure(String name, TableReadException e, Budget budget) {
        ValidationError error = new ValidationError(name, null, null, null, e.code(), null, e.getMessage(), e.getMessage(), null);
        List<ValidationError> errors = new ArrayList<>();
        budget.add(errors, error);
        return new ValidationReport.Task(name, 1, null, false, 0, 0, 0, Map.of(e.code(), 1L), errors, false);
    }

    /** Shared cap on stored errors across the tables of one file. */
    static final class Budget {
        final int limit;
        int used;
        boolean truncated;

        Budget(int limit) {
            this.limit = limit;
        }

        void add(List<ValidationError> errors, ValidationError e) {
            if (used < limit) {
                errors.add(e);
                used++;
            } else {
                truncated = true;
            }
        }
    }

    /** Validation of one table. */
    private static final class TableRun {
        private final TableReader reader;
        private final Options options;
        private final Budget budget;
        private final List<ValidationError> errors = new ArrayList<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private CompiledField[] fields;
        private Set<String> missing;
        private boolean onlyEmptyMissing;
        private LongIntMap[] uniqueLongs;
        private Map<String, Integer>[] uniqueKeys;
        private boolean[] unique;
        private int[] pk;
        private LongIntMap pkLongs;
        private Map<String, Integer> pkKeys;
        private LongIntMap rowHashes;
        private long rows;
        private long errorCells;
        private String tableName;
        private final int chunkBytes;

        TableRun(TableReader reader, Options options, Budget budget, int chunkBytes) {
            this.reader = reader;
            this.options = options;
            this.budget = budget;
            this.chunkBytes = chunkBytes;
        }

        ValidationReport.Task run() {
            tableName = reader.name();
            TableSchema schema = options.schema();
            boolean inferred = schema == null;
            List<String> labels;
            List<List<String>> sample = new ArrayList<>();
            List<Integer> sampleOversized = new ArrayList<>();
            TableReadException pending = null;
            try {
                labels = reader.header();
                if (labels.isEmpty() && reader.rowNumber() == 0) {
                    return null; // an empty sheet
                }
            } catch (TableReadException e) {
                return failed(e, schema, inferred, List.of());
            }
            if (inferred) {
                int sampleRows = Math.max(10, Math.min(SchemaInference.SAMPLE_ROWS, SAMPLE_CELLS / Math.max(1, labels.size())));
                try {
                    List<String> cells;
                    while (sample.size() < sampleRows && (cells = reader.next()) != null) {
                        sample.add(new ArrayList<>(cells));
                        sampleOversized.add(reader.oversizedCell());
                    }
                } catch (TableReadException e) {
                    pending = e; // validate what was read, then report why reading stopped
                }
                schema = SchemaInference.infer(labels, sample);
            }
            compile(schema);
            validateHeader(labels, schema);
            try {
                long firstRow = reader.headerRows() + 1L;
                for (int i = 0; i < sample.size(); i++) {
                    row(sample.get(i), (int) (firstRow + i), sampleOversized.get(i));
                }
                sample.clear();
                if (pending != null) {
                    throw pending;
                }
                readRest();
            } catch (TableReadException e) {
                error(new ValidationError(tableName, null, null, null, e.code(), null, e.getMessage(), e.getMessage(), null));
            }
            if (options.progress() != null) {
                options.progress().accept(new Progress(tableName, rows, 1.0));
            }
            return task(schema, inferred);
        }

        /**
         * Reads (decodes and tokenizes) in a second thread while this one validates, in order, through a small
         * bounded queue: two cores do the work of one pass, memory stays bounded by the queue.
         */
        private void readAhead(TableReader reader) {
            int batchRows = Math.max(1, 65_536 / Math.max(1, fields.length));
            java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            Batch[] pendingBatch = {new Batch(batchRows)};
            Thread producer = new Thread(() -> {
                try {
                    Batch batch = pendingBatch[0];
                    List<String> cells;
                    while (!cancelled.get() && (cells = reader.next()) != null) {
                        batch.add(cells.toArray(String[]::new), (int) reader.rowNumber(), reader.oversizedCell());
                        if (batch.size == batchRows) {
                            queue.put(batch);
                            batch = new Batch(batchRows);
                            pendingBatch[0] = batch;
                        }
                    }
                    batch.last = true;
                    queue.put(batch);
                } catch (TableReadException e) {
                    putQuietly(queue, pendingBatch[0]);
                    putQuietly(queue, Batch.failure(e));
                } catch (RuntimeException | Error e) {
                    putQuietly(queue, pendingBatch[0]);
                    putQuietly(queue, Batch.failure(new TableReadException("source-error", "파일을 읽는 중 오류가 났습니다: " + e.getMessage(), e)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "opendata-reader");
            producer.setDaemon(true);
            producer.start();
            java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(WORKERS, r -> {
                Thread t = new Thread(r, "opendata-check");
                t.setDaemon(true);
                return t;
            });
            java.util.ArrayDeque<java.util.concurrent.Future<RowCheck[]>> inFlight = new java.util.ArrayDeque<>();
            try {
                boolean done = false;
                while (!done || !inFlight.isEmpty()) {
                    if (!done && inFlight.size() < WORKERS + 1) {
                        Batch batch = queue.take();
                        if (batch.failure != null) {
                            drain(inFlight);
                            throw batch.failure;
                        }
                        inFlight.add(workers.submit(() -> checkBatch(batch)));
                        done = batch.last;
                        continue;
                    }
                    commitBatch(inFlight.poll());
                    if (options.progress() != null) {
                        options.progress().accept(new Progress(tableName, rows, reader.progress()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TableReadException("source-error", "검증이 중단되었습니다.");
            } finally {
                workers.shutdownNow();
                cancelled.set(true);
                queue.clear();
                try {
                    producer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The rest of the table: a CSV file read from bytes in parallel ranges, anything else through {@link #readAhead}. */
        private void readRest() {
            CsvChunks chunks = chunkBytes > 0 && fields.length > 0 && reader instanceof ByteCsvReader bytes ? bytes.chunks() : null;
            if (chunks == null) {
                readAhead(reader);
                return;
            }
            try (chunks) {
                parallel(chunks);
            }
        }

        /** Marks a cell the general path must look at (an error, or a value only it can judge). */
        private static final Object NOT_CLEAN = new Object();

        /** What the workers found in one range: clean rows (values for the integrity checks) and rows for {@link #check}. */
        private static final class ChunkResult {
            long from;
            long end;
            int records;
            int anomaly = -1;
            /** records × needed fields: the typed values of clean rows for unique, primary-key and duplicate-row checks. */
            Object[] values;
            /** Per record: the cells of a row that needs the general path, null for a clean row. */
            String[][] general;
            int generalCount;
        }

        /** A range waiting to be committed in order, with the general checks of its unclean rows. */
        private record Pending(ChunkResult result, int firstRow, java.util.concurrent.Future<RowCheck[]> checks) {
        }

        private ByteCheck[] byteChecks;
        private boolean fastMissing;
        private byte[][] missingBytes;
        private boolean[] required;
        /** Fields whose value the integrity checks need, and their slot in {@link ChunkResult#values}. */
        private int[] needIdx;
        private int[] needSlot;
        private boolean anyIntegrity;
        private Object[] scratchVals;
        private boolean[] scratchBad;

        private void prepareFast(CsvChunks chunks) {
            int n = fields.length;
            byteChecks = new ByteCheck[n];
            required = new boolean[n];
            boolean[] inPk = new boolean[n];
            for (int k : pk) {
                inPk[k] = true;
            }
            List<Integer> need = new ArrayList<>();
            needSlot = new int[n];
            java.util.Arrays.fill(needSlot, -1);
            for (int i = 0; i < n; i++) {
                byteChecks[i] = new ByteCheck(fields[i], chunks.utf8(), options.koreanRules());
                required[i] = fields[i].field().constraints().required();
                if (unique[i] || inPk[i] || rowHashes != null) {
                    needSlot[i] = need.size();
                    need.add(i);
                }
            }
            needIdx = need.stream().mapToInt(Integer::intValue).toArray();
            anyIntegrity = needIdx.length > 0;
            fastMissing = missing.stream().allMatch(m -> m.chars().allMatch(c -> c < 0x80));
            missingBytes = missing.stream().map(m -> m.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
            scratchVals = new Object[n];
            scratchBad = new boolean[Math.max(1, n)];
        }

        private boolean isMissing(byte[] b, int from, int to) {
            if (onlyEmptyMissing) {
                return from == to;
            }
            int len = to - from;
            for (byte[] m : missingBytes) {
                if (m.length == len && java.util.Arrays.equals(m, 0, len, b, from, to)) {
                    return true;
                }
            }
            return false;
        }

        /** One cell through the general path's cell checks: its value when it has no error, else {@link #NOT_CLEAN}. */
        private Object generalCell(int i, String source) {
            CompiledField f = fields[i];
            if (onlyEmptyMissing ? source.isEmpty() : missing.contains(source)) {
                return required[i] ? NOT_CLEAN : null;
            }
            Object v = f.cast(source);
            if (v == CompiledField.INVALID || !f.violations(v, source).isEmpty()) {
                return NOT_CLEAN;
            }
            if (options.koreanRules() && f.field().krType() != null && KoreanRules.check(f.field().krType(), source) != null) {
                return NOT_CLEAN;
            }
            return v;
        }

        /**
         * Cell checks of a tokenized range, independent of row numbers: a row is clean when every cell passes the
         * byte shortcut or the general cell checks (and it has as many cells as fields and is not blank); other rows
         * are decoded for {@link #check}. Cells that are not valid in the encoding cut the range there.
         */
        private ChunkResult process(CsvChunks.Chunk c, CsvChunks chunks) {
            ChunkResult res = new ChunkResult();
            res.from = c.from;
            int n = fields.length;
            int nNeed = needIdx.length;
            int records = c.records;
            Object[] values = nNeed > 0 ? new Object[records * nNeed] : null;
            String[][] general = null;
            int generalCount = 0;
            byte[] b = c.buf;
            int[] cs = c.cellStart;
            int[] ce = c.cellEnd;
            int[] rf = c.recordFirst;
            for (int r = 0; r < records; r++) {
                int first = rf[r];
                int m = rf[r + 1] - first;
                boolean clean = m == n;
                int missingCells = 0;
                for (int i = 0; clean && i < n; i++) {
                    int s = cs[first + i];
                    int e = ce[first + i];
                    if (fastMissing) {
                        if (isMissing(b, s, e)) {
                            if (required[i]) {
                                clean = false;
                            }
                            missingCells++;
                            continue;
                        }
                        ByteCheck check = byteChecks[i];
                        if (check.clean(b, s, e)) {
                            int slot = needSlot[i];
                            if (slot >= 0) {
                                if (check.longValued()) {
                                    values[r * nNeed + slot] = check.longValue(b, s, e);
                                } else {
                                    String str = chunks.decode(b, s, e);
                                    if (str == null) {
                                        return cut(res, c, r, values, general, generalCount);
                                    }
                                    values[r * nNeed + slot] = fields[i].cast(str);
                                }
                            }
                            continue;
                        }
                    }
                    String str = chunks.decode(b, s, e);
                    if (str == null) {
                        return cut(res, c, r, values, general, generalCount);
                    }
                    Object v = generalCell(i, str);
                    if (v == NOT_CLEAN) {
                        clean = false;
                    } else if (v == null) {
                        missingCells++;
                    } else if (needSlot[i] >= 0) {
                        values[r * nNeed + needSlot[i]] = v;
                    }
                }
                if (clean && missingCells == n) {
                    clean = false; // a blank row
                }
                if (!clean) {
                    String[] cells = new String[m];
                    for (int j = 0; j < m; j++) {
                        cells[j] = chunks.decode(b, cs[first + j], ce[first + j]);
                        if (cells[j] == null) {
                            return cut(res, c, r, values, general, generalCount);
                        }
                    }
                    if (general == null) {
                        general = new String[records][];
                    }
                    general[r] = cells;
                    generalCount++;
                }
            }
            res.records = records;
            res.end = c.end;
            res.anomaly = c.anomaly;
            res.values = values;
            res.general = general;
            res.generalCount = generalCount;
            return res;
        }

        private static ChunkResult cut(ChunkResult res, CsvChunks.Chunk c, int r, Object[] values, String[][] general, int generalCount) {
            c.cutAt(r);
            res.records = r;
            res.end = c.end;
            res.anomaly = r;
            res.values = values;
            res.general = general;
            res.generalCount = generalCount;
            return res;
        }

        /**
         * Worker threads tokenize and check ranges of the file; this thread puts the ranges in order (redoing a range
         * whose guessed first record was wrong), numbers the rows, has the unclean rows checked by {@link #check}
         * and commits every row in order. From a record the ranges cannot take (see {@link CsvChunks}) on, the
         * sequential reader takes over.
         */
        private void parallel(CsvChunks chunks) {
            prepareFast(chunks);
            long start = chunks.start();
            long size = chunks.size();
            if (start >= size) {
                return;
            }
            long step = chunkBytes;
            int count = (int) Math.min(Integer.MAX_VALUE - 1, (size - start + step - 1) / step);
            ThreadLocal<CsvChunks.Chunk> buffers = ThreadLocal.withInitial(CsvChunks.Chunk::new);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WORKERS, r -> {
                Thread t = new Thread(r, "opendata-check");
                t.setDaemon(true);
                return t;
            });
            java.util.ArrayDeque<java.util.concurrent.Future<ChunkResult>> ahead = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Pending> toCommit = new java.util.ArrayDeque<>();
            CsvChunks.Chunk mine = new CsvChunks.Chunk();
            long position = start;
            long row = chunks.startRow();
            boolean anomaly = false;
            int submitted = 0;
            try {
                for (int k = 0; k < count; k++) {
                    while (submitted < count && submitted <= k + 2 * WORKERS) {
                        final int index = submitted++;
                        final long boundary = start + index * step;
                        final long until = index == count - 1 ? size : boundary + step;
                        ahead.add(pool.submit(() -> {
                            CsvChunks.Chunk c = buffers.get();
                            if (index == 0) {
                                chunks.tokenize(c, boundary, until);
                            } else {
                                chunks.speculate(c, boundary, until);
                            }
                            return process(c, chunks);
                        }));
                    }
                    ChunkResult res = get(ahead.poll());
                    long until = k == count - 1 ? size : start + (k + 1) * step;
                    if (position >= until) {
                        continue; // the range's records were read with the one before
                    }
                    if (res.from != position) {
                        chunks.tokenize(mine, position, until);
                        res = process(mine, chunks);
                    }
                    final ChunkResult result = res;
                    final int firstRow = (int) row + 1;
                    java.util.concurrent.Future<RowCheck[]> checks = res.generalCount == 0 ? null
                            : pool.submit(() -> checkGeneral(result, firstRow));
                    toCommit.add(new Pending(res, firstRow, checks));
                    row += res.records;
                    position = res.end;
                    while (!toCommit.isEmpty() && (toCommit.size() > 2 * WORKERS || toCommit.peek().checks() == null
                            || toCommit.peek().checks().isDone())) {
                        commitChunk(toCommit.poll(), size);
                    }
                    if (res.anomaly >= 0) {
                        anomaly = true;
                        break;
                    }
                }
                while (!toCommit.isEmpty()) {
                    commitChunk(toCommit.poll(), size);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TableReadException("source-error", "검증이 중단되었습니다.");
            } finally {
                pool.shutdownNow();
            }
            if (anomaly) {
                try (TableReader rest = chunks.resume(position, row)) {
                    readAhead(rest);
                }
            }
        }

        private static <T> T get(java.util.concurrent.Future<T> future) throws InterruptedException {
            try {
                return future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }

        private RowCheck[] checkGeneral(ChunkResult res, int firstRow) {
            RowCheck[] out = new RowCheck[res.generalCount];
            int g = 0;
            for (int r = 0; r < res.records; r++) {
                if (res.general[r] != null) {
                    out[g++] = check(java.util.Arrays.asList(res.general[r]), firstRow + r, 0);
                }
            }
            return out;
        }

        private void commitChunk(Pending p, long size) throws InterruptedException {
            ChunkResult res = p.result();
            RowCheck[] checks = p.checks() == null ? null : get(p.checks());
            int g = 0;
            int n = fields.length;
            int nNeed = needIdx.length;
            for (int r = 0; r < res.records; r++) {
                if (res.general != null && res.general[r] != null) {
                    commit(checks[g++]);
                    continue;
                }
                rows++;
                if (!anyIntegrity) {
                    continue;
                }
                for (int j = 0; j < nNeed; j++) {
                    scratchVals[needIdx[j]] = res.values[r * nNeed + j];
                }
                List<ValidationError> integrity = integrity(scratchVals, scratchBad, p.firstRow() + r, n);
                if (integrity != null) {
                    int badCount = 0;
                    for (int i = 0; i < n; i++) {
                        if (scratchBad[i]) {
                            badCount++;
                        }
                    }
                    errorCells += badCount;
                    integrity.forEach(this::error);
                    java.util.Arrays.fill(scratchBad, false);
                }
            }
            if (options.progress() != null) {
                options.progress().accept(new Progress(tableName, rows, Math.min(1.0, (double) res.end / Math.max(1, size))));
            }
        }

        private RowCheck[] checkBatch(Batch batch) {
            RowCheck[] out = new RowCheck[batch.size];
            for (int i = 0; i < batch.size; i++) {
                out[i] = check(java.util.Arrays.asList(batch.cells[i]), batch.rowNumbers[i], batch.oversized[i]);
            }
            return out;
        }

        private void commitBatch(java.util.concurrent.Future<RowCheck[]> future) throws InterruptedException {
            try {
                for (RowCheck rc : future.get()) {
                    commit(rc);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }

        private void drain(java.util.ArrayDeque<java.util.concurrent.Future<RowCheck[]>> inFlight) throws InterruptedException {
            while (!inFlight.isEmpty()) {
                commitBatch(inFlight.poll());
            }
        }

        private static void putQuietly(java.util.concurrent.BlockingQueue<Batch> queue, Batch b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private ValidationReport.Task failed(TableReadException e, TableSchema schema, boolean inferred, List<String> labels) {
            error(new ValidationError(tableName, null, null, null, e.code(), null, e.getMessage(), e.getMessage(), null));
            return task(schema, inferred);
        }

        private ValidationReport.Task task(TableSchema schema, boolean inferred) {
            long cells = rows * (fields == null ? 0 : fields.length);
            return new ValidationReport.Task(tableName, reader.headerRows(), schema, inferred, rows, cells, errorCells,
                    counts, errors, budget.truncated);
        }

        @SuppressWarnings("unchecked")
        private void compile(TableSchema schema) {
            List<SchemaField> f = schema.fields();
            fields = new CompiledField[f.size()];
            unique = new boolean[f.size()];
            uniqueLongs = new LongIntMap[f.size()];
            uniqueKeys = new Map[f.size()];
            for (int i = 0; i < f.size(); i++) {
                fields[i] = new CompiledField(f.get(i), i + 1);
                if (f.get(i).constraints().unique()) {
                    unique[i] = true;
                    uniqueLongs[i] = new LongIntMap();
                    uniqueKeys[i] = new HashMap<>();
                }
            }
            missing = new HashSet<>(schema.missingValues());
            onlyEmptyMissing = missing.equals(Set.of(""));
            pk = schema.primaryKey().stream().mapToInt(schema::indexOf).toArray();
            if (pk.length > 0) {
                pkLongs = new LongIntMap();
                pkKeys = new HashMap<>();
            }
            if (options.duplicateRow()) {
                rowHashes = new LongIntMap();
            }
        }

        private void validateHeader(List<String> labels, TableSchema schema) {
            if (labels.isEmpty()) {
                error(new ValidationError(tableName, null, null, null, "blank-header", "", "", "머리글(1행)이 비어 있습니다.", null));
                return;
            }
            int nf = fields.length;
            int nl = labels.size();
            for (int i = nf; i < nl; i++) {
                header("extra-label", i + 1, "", labels.get(i), "", (i + 1) + "번째 열 '" + labels.get(i) + "'은(는) 스키마에 없는 열입니다.");
            }
            for (int i = nl; i < nf; i++) {
                header("missing-label", i + 1, fields[i].name(), "", "",
                        "스키마의 " + (i + 1) + "번째 필드 '" + fields[i].name() + "'에 해당하는 열이 파일에 없습니다.");
            }
            for (int i = 0; i < Math.min(nf, nl); i++) {
                String label = labels.get(i);
                if (label.isEmpty()) {
                    header("blank-label", i + 1, fields[i].name(), "", "", (i + 1) + "번째 열의 머리글(열 이름)이 비어 있습니다.");
                    continue;
                }
                List<Integer> same = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if (label.equals(labels.get(j))) {
                        same.add(j + 1);
                    }
                }
                if (!same.isEmpty()) {
                    String at = same.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
                    header("duplicate-label", i + 1, fields[i].name(), label, "at position \"" + at + "\"",
                            (i + 1) + "번째 열의 머리글 '" + label + "'이(가) " + at + "번째 열과 중복됩니다.");
                    continue;
                }
                if (!label.replace("\n", " ").strip().equals(fields[i].name())) {
                    header("incorrect-label", i + 1, fields[i].name(), label, "",
                            (i + 1) + "번째 열의 머리글 '" + label + "'이(가) 스키마의 필드 이름 '" + fields[i].name() + "'과(와) 다릅니다.");
                }
            }
        }

        private void header(String code, int fieldNumber, String fieldName, String label, String note, String message) {
            error(new ValidationError(tableName, null, fieldNumber, fieldName, code, label, note, message, null));
        }

        /** What one row's cell checks found; integrity checks (unique, primary key, duplicate row) come after, in order. */
        private static final class RowCheck {
            int rowNumber;
            Object[] values;
            boolean[] bad;
            List<ValidationError> errors = List.of();
            List<ValidationError> extra = List.of();
        }

        private void row(List<String> cells, int rowNumber, int oversized) {
            commit(check(cells, rowNumber, oversized));
        }

        /** Cell-level checks of one row: thread-safe (reads only the compiled schema). */
        private RowCheck check(List<String> cells, int rowNumber, int oversized) {
            RowCheck rc = new RowCheck();
            rc.rowNumber = rowNumber;
            int n = fields.length;
            int size = cells.size();
            int blank = 0;
            Object[] vals = new Object[n];
            boolean[] bad = new boolean[Math.max(1, n)];
            List<ValidationError> errs = null;
            for (int i = 0; i < n; i++) {
                CompiledField f = fields[i];
                String source = i < size ? cells.get(i) : null;
                Object value;
                if (source == null || (onlyEmptyMissing ? source.isEmpty() : missing.contains(source))) {
                    value = null;
                    blank++;
                } else {
                    value = f.cast(source);
                    if (value == CompiledField.INVALID) {
                        errs = add(errs, cellError("type-error", rowNumber, f, source, f.typeNote(), typeMessage(rowNumber, f, source)));
                        bad[i] = true;
                        continue;
                    }
                }
                vals[i] = value;
                List<String> notes = f.violations(value, source);
                if (!notes.isEmpty()) {
                    bad[i] = true;
                    for (String note : notes) {
                        errs = add(errs, cellError("constraint-error", rowNumber, f, source == null ? "" : source, note,
                                constraintMessage(rowNumber, f, source, note)));
                    }
                }
            }
            for (int i = n; i < size; i++) {
                String cell = cells.get(i);
                errs = add(errs, new ValidationError(tableName, rowNumber, i + 1, "", "extra-cell", clip(cell), "",
                        rowNumber + "행의 " + (i + 1) + "번째 칸은 머리글보다 많은 칸입니다: '" + clip(cell) + "'", null));
            }
            for (int i = size; i < n; i++) {
                bad[i] = true;
                errs = add(errs, new ValidationError(tableName, rowNumber, i + 1, fields[i].name(), "missing-cell", "", "",
                        rowNumber + "행에 '" + fields[i].name() + "' 열의 칸이 없습니다(칸 수 부족).", null));
            }
            if (blank == n) {
                errs = new ArrayList<>(1);
                errs.add(new ValidationError(tableName, rowNumber, null, null, "blank-row", "", "",
                        rowNumber + "행이 비어 있습니다.", null));
                java.util.Arrays.fill(bad, true);
            }
            List<ValidationError> extra = null;
            if (options.koreanRules()) {
                for (int i = 0; i < n; i++) {
                    CompiledField f = fields[i];
                    if (vals[i] != null && !bad[i] && f.field().krType() != null) {
                        String source = cells.get(i);
                        String reason = KoreanRules.check(f.field().krType(), source);
                        if (reason != null) {
                            bad[i] = true;
                            extra = add(extra, new ValidationError(tableName, rowNumber, i + 1, f.name(), ValidationError.KR_STANDARD,
                                    clip(source), f.field().krType().key(),
                                    rowNumber + "행 '" + label(f) + "' 값 '" + clip(source) + "': " + reason + ".",
                                    f.field().krType().key()));
                        }
                    }
                }
            }
            if (oversized > 0) {
                int i = oversized - 1;
                String name = i < n ? fields[i].name() : "";
                bad[Math.min(i, Math.max(0, n - 1))] = true;
                extra = add(extra, new ValidationError(tableName, rowNumber, oversized, name, ValidationError.CELL_SIZE, "", "",
                        rowNumber + "행 " + oversized + "번째 칸이 " + options.read().maxCellChars()
                                + "자를 넘어 앞부분만 읽었습니다. 한 칸에 이렇게 긴 값은 넣을 수 없습니다.", null));
            }
            rc.values = vals;
            rc.bad = bad;
            rc.errors = errs == null ? List.of() : errs;
            rc.extra = extra == null ? List.of() : extra;
            return rc;
        }

        private static List<ValidationError> add(List<ValidationError> list, ValidationError e) {
            List<ValidationError> l = list == null ? new ArrayList<>(2) : list;
            l.add(e);
            return l;
        }

        /** In row order: integrity checks, then the row's errors into the report. */
        private void commit(RowCheck rc) {
            rows++;
            int n = fields.length;
            List<ValidationError> integrity = integrity(rc, n);
            if (rc.errors.isEmpty() && rc.extra.isEmpty() && integrity == null) {
                return;
            }
            int badCount = 0;
            for (int i = 0; i < n; i++) {
                if (rc.bad[i]) {
                    badCount++;
                }
            }
            errorCells += badCount;
            rc.errors.forEach(this::error);
            if (integrity != null) {
                integrity.forEach(this::error);
            }
            rc.extra.forEach(this::error);
        }

        private List<ValidationError> integrity(RowCheck rc, int n) {
            return integrity(rc.values, rc.bad, rc.rowNumber, n);
        }

        private List<ValidationError> integrity(Object[] vals, boolean[] bad, int rowNumber, int n) {
            List<ValidationError> out = null;
            for (int i = 0; i < n; i++) {
                if (unique[i] && vals[i] != null) {
                    Object v = vals[i];
                    int match = v instanceof Long l ? uniqueLongs[i].put(l, rowNumber)
                            : nz(uniqueKeys[i].put(CompiledField.key(v), rowNumber));
                    if (match != 0) {
                        bad[i] = true;
                        CompiledField f = fields[i];
                        out = add(out, new ValidationError(tableName, rowNumber, i + 1, f.name(), "unique-error",
                                clip(CompiledField.key(v)), "the same as in the row at position " + match,
                                rowNumber + "행 '" + label(f) + "' 값 '" + clip(CompiledField.key(v)) + "'이(가) " + match
                                        + "행과 중복됩니다(고유값 제약).", null));
                    }
                }
            }
            if (pk.length > 0) {
                boolean allNull = true;
                for (int k : pk) {
                    allNull &= vals[k] == null;
                }
                if (allNull) {
                    out = add(out, new ValidationError(tableName, rowNumber, null, null, "primary-key", "",
                            "cells composing the primary keys are all \"None\"", rowNumber + "행의 기본키 값이 모두 비어 있습니다.", null));
                    for (int k : pk) {
                        bad[k] = true;
                    }
                } else {
                    int match;
                    if (pk.length == 1 && vals[pk[0]] instanceof Long l) {
                        match = pkLongs.put(l, rowNumber);
                    } else {
                        StringBuilder key = new StringBuilder();
                        for (int k : pk) {
                            key.append(vals[k] == null ? "\u0000" : CompiledField.key(vals[k])).append('\u0001');
                        }
                        match = nz(pkKeys.put(key.toString(), rowNumber));
                    }
                    if (match != 0) {
                        for (int k : pk) {
                            bad[k] = true;
                        }
                        out = add(out, new ValidationError(tableName, rowNumber, null, null, "primary-key", "",
                                "the same as in the row at position " + match,
                                rowNumber + "행의 기본키 값이 " + match + "행과 중복됩니다.", null));
                    }
                }
            }
            if (rowHashes != null) {
                long h = 0xcbf29ce484222325L;
                for (int i = 0; i < n; i++) {
                    String k = vals[i] == null ? "None" : CompiledField.key(vals[i]);
                    for (int c = 0; c < k.length(); c++) {
                        h ^= k.charAt(c);
                        h *= 0x100000001b3L;
                    }
                    h ^= ',';
                    h *= 0x100000001b3L;
                }
                int match = rowHashes.put(h, rowNumber);
                if (match != 0) {
                    java.util.Arrays.fill(bad, true);
                    out = add(out, new ValidationError(tableName, rowNumber, null, null, "duplicate-row", "",
                            "the same as row at position \"" + match + "\"", rowNumber + "행이 " + match + "행과 완전히 같습니다.", null));
                }
            }
            return out;
        }

        private static int nz(Integer i) {
            return i == null ? 0 : i;
        }

        private ValidationError cellError(String code, int row, CompiledField f, String source, String note, String message) {
            return new ValidationError(tableName, row, f.number(), f.name(), code, clip(source), note, message, null);
        }

        private void error(ValidationError e) {
            counts.merge(e.type(), 1L, Long::sum);
            budget.add(errors, e);
        }
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static String label(CompiledField f) {
        SchemaField s = f.field();
        return s.title() != null && !s.title().isBlank() ? s.title() : s.name();
    }

    static String typeLabel(SchemaField f) {
        return switch (f.type()) {
            case "integer" -> "정수";
            case "number" -> f.groupChar() != null ? "숫자(천 단위 구분 '" + f.groupChar() + "' 허용)" : "숫자";
            case "boolean" -> "참/거짓";
            case "date" -> "default".equals(f.format()) ? "날짜(YYYY-MM-DD)" : "날짜(" + f.format() + ")";
            case "datetime" -> "일시(YYYY-MM-DDTHH:MM:SS)";
            case "time" -> "시각(HH:MM:SS)";
            case "year" -> "연도(YYYY)";
            case "yearmonth" -> "연월(YYYY-MM)";
            case "string" -> switch (f.format()) {
                case "email" -> "이메일";
                case "uri" -> "URI";
                case "uuid" -> "UUID";
                default -> "문자열";
            };
            default -> f.type();
        };
    }

    static String typeMessage(int row, CompiledField f, String source) {
        return row + "행 '" + label(f) + "' 값 '" + clip(source) + "'이(가) " + typeLabel(f.field()) + " 형식이 아닙니다.";
    }

    static String constraintMessage(int row, CompiledField f, String source, String note) {
        String what = row + "행 '" + label(f) + "'";
        var c = f.field().constraints();
        String value = source == null ? "" : clip(source);
        if (note.contains("\"required\"")) {
            return what + "은(는) 필수 값인데 비어 있습니다.";
        }
        if (note.contains("\"minimum\"")) {
            return what + " 값 " + value + "이(가) 최솟값 " + c.minimum() + "보다 작습니다.";
        }
        if (note.contains("\"maximum\"")) {
            return what + " 값 " + value + "이(가) 최댓값 " + c.maximum() + "보다 큽니다.";
        }
        if (note.contains("\"minLength\"")) {
            return what + " 값 '" + value + "'이(가) 최소 " + c.minLength() + "자보다 짧습니다.";
        }
        if (note.contains("\"maxLength\"")) {
            return what + " 값 '" + value + "'이(가) 최대 " + c.maxLength() + "자보다 깁니다.";
        }
        if (note.contains("\"pattern\"")) {
            return what + " 값 '" + value + "'이(가) 정해진 형식(" + c.pattern() + ")에 맞지 않습니다.";
        }
        if (note.contains("\"enum\"")) {
            return what + " 값 '" + value + "'은(는) 허용된 값(" + String.join(", ", c.enumValues()) + ")이 아닙니다.";
        }
        return what + " 값 '" + value + "'이(가) 제약 조건을 어겼습니다: " + note;
    }
}
