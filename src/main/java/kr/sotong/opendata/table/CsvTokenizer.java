package kr.sotong.opendata.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/** What the character and the byte CSV tokenizers share: record bookkeeping, the header, limits and their messages. */
abstract class CsvTokenizer implements TableReader {

    protected final int maxColumns;
    protected final ArrayList<String> cells = new ArrayList<>();
    protected long rowNumber;
    protected int oversized;
    private final String name;
    private final DoubleSupplier progress;
    private List<String> header;

    CsvTokenizer(int maxColumns, String name, DoubleSupplier progress) {
        this.maxColumns = maxColumns;
        this.name = name;
        this.progress = progress;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> header() {
        if (header == null) {
            List<String> first = next();
            header = first == null ? List.of() : List.copyOf(first);
            if (oversized > 0) {
                throw new TableReadException("source-error", "머리글(1행)의 " + oversized + "번째 칸이 너무 깁니다.");
            }
        }
        return header;
    }

    protected TableReadException tooManyColumns(long row) {
        return new TableReadException("source-error", row + "행의 열이 " + maxColumns
                + "개를 넘습니다. 엑셀이 다룰 수 있는 열 수를 넘는 파일은 읽지 않습니다.");
    }

    protected static TableReadException unclosedQuote(long row, char quote) {
        return new TableReadException("source-error", row + "행에서 시작한 따옴표(" + quote
                + ")가 파일 끝까지 닫히지 않았습니다. 따옴표를 닫거나 칸 안의 따옴표를 두 번(\"\") 쓰세요.");
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public int oversizedCell() {
        return oversized;
    }

    @Override
    public double progress() {
        return progress == null ? -1 : progress.getAsDouble();
    }
}
