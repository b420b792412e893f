package kr.sotong.opendata.requests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import kr.sotong.shared.Masking;

/** The XHTML of the notices sent to requesters (rendered to PDF with the platform's Korean font). */
final class Notices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일");

    private Notices() {
    }

    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String page(String title, String publisher, ProvisionRequest r, String body, LocalDate today) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="ko"><head><meta charset="UTF-8"/><title>%s</title>
                <style>
                  body { font-family: Korean; font-size: 11pt; line-height: 1.6; margin: 20mm 18mm; }
                  h1 { font-size: 18pt; text-align: center; margin-bottom: 12mm; }
                  table { width: 100%%; border-collapse: collapse; margin: 6mm 0; }
                  th, td { border: 1px solid #333; padding: 2mm 3mm; text-align: left; vertical-align: top; }
                  th { width: 32%%; background: #eee; }
                  .sign { text-align: center; margin-top: 16mm; font-size: 14pt; }
                  .small { font-size: 9pt; color: #333; }
                </style></head><body>
                <h1>%s</h1>
                <table>
                  <tr><th>접수번호</th><td>%s</td></tr>
                  <tr><th>신청인</th><td>%s</td></tr>
                  <tr><th>신청 데이터</th><td>%s</td></tr>
                  <tr><th>접수일</th><td>%s</td></tr>
                </table>
                %s
                <p class="sign">%s %s<br/>%s</p>
                <p class="small">이 통지서는 「공공데이터의 제공 및 이용 활성화에 관한 법률」 제27조에 따라 발송합니다.</p>
                </body></html>
                """.formatted(xml(title), xml(title), xml(r.receiptNo()), xml(Masking.name(r.requesterName())),
                xml(r.title()), DATE.format(r.receivedOn()), body, xml(publisher), "구청장", DATE.format(today));
    }

    static String extension(ProvisionRequest r, LocalDate newDeadline, String reason, String publisher, LocalDate today) {
        String body = """
                <p>귀하께서 신청하신 공공데이터의 제공 여부 결정 기간을 아래와 같이 연장하게 되었음을 알려 드립니다.</p>
                <table>
                  <tr><th>당초 처리 기한</th><td>%s</td></tr>
                  <tr><th>연장된 처리 기한</th><td>%s</td></tr>
                  <tr><th>연장 사유</th><td>%s</td></tr>
                </table>
                <p>처리 기간은 한 번만, 10일의 범위에서 연장할 수 있습니다.</p>
                """.formatted(DATE.format(r.deadline()), DATE.format(newDeadline), xml(reason));
        return page("공공데이터 제공 결정 기간 연장 통지서", publisher, r, body, today);
    }

    static String provision(ProvisionRequest r, String note, String datasetUrl, String publisher, LocalDate today) {
        String body = """
                <p>귀하께서 신청하신 공공데이터를 아래와 같이 제공하기로 결정하였음을 알려 드립니다.</p>
                <table>
                  <tr><th>제공 방법</th><td>%s</td></tr>
                  <tr><th>제공 위치</th><td>%s</td></tr>
                  <tr><th>안내</th><td>%s</td></tr>
                </table>
                """.formatted("금천구 공공데이터 누리집 내려받기 및 개방 API(CKAN 호환)", xml(datasetUrl == null ? "담당 부서에서 별도 안내" : datasetUrl),
                xml(note == null || note.isBlank() ? "-" : note));
        return page("공공데이터 제공 결정 통지서", publisher, r, body, today);
    }

    static String refusal(ProvisionRequest r, String reason, String publisher, LocalDate today) {
        String body = """
                <p>귀하께서 신청하신 공공데이터를 아래의 사유로 제공할 수 없음을 알려 드립니다.</p>
                <table>
                  <tr><th>제공 거부 사유</th><td>%s</td></tr>
                </table>
                <p><strong>불복 구제 절차 안내</strong><br/>
                이 결정에 이의가 있으시면 제공 거부 결정을 통지받은 날부터 60일 이내에 공공데이터제공분쟁조정위원회에
                분쟁조정을 신청할 수 있습니다(「공공데이터의 제공 및 이용 활성화에 관한 법률」 제29조). 또한 「행정심판법」에 따른
                행정심판이나 「행정소송법」에 따른 행정소송을 제기할 수 있습니다.</p>
                """.formatted(xml(reason));
        return page("공공데이터 제공 거부 통지서", publisher, r, body, today);
    }
}
