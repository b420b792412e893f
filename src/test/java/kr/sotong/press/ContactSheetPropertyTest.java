package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import kr.sotong.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The contact sheet parser never crashes: any bytes or any cell texts end in rows or a Korean domain error. */
class ContactSheetPropertyTest {

    @Property(tries = 200)
    void anyBytesGiveRowsOrAKoreanError(@ForAll @Size(max = 2000) byte[] bytes) {
        try {
            ContactSheet.parse(new ByteArrayInputStream(bytes));
        } catch (DomainException e) {
            assertThat(e.getMessage()).containsPattern("[가-힣]"); // found anywhere: an echoed cell may hold a line break
        }
    }

    @Property(tries = 60)
    void anyRealWorkbookWithRandomCellsIsCheckedRowByRow(@ForAll("cells") String a, @ForAll("cells") String b,
                                                        @ForAll("cells") String c, @ForAll("cells") String d) {
        byte[] file = ContactsTest.xlsx(new String[] {a, b, c, d, a, b, c}, new String[] {"금천일보", "지역지", "홍길동",
                "hong@paper.test", "010-1234-5678", "", "Y"});
        var rows = ContactSheet.parse(new ByteArrayInputStream(file));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(rows.size() - 1).valid()).isTrue();
        rows.forEach(r -> r.errors().forEach(m -> assertThat(m).matches("(?s).*[가-힣].*")));
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("가나다금천@.-<>=' _").ofMaxLength(120),
                Arbitraries.of("", " ", "=cmd|' /C calc'!A0", "<script>", "Y", "N", "예", "중앙지", "a@b", "010-0000-0000",
                        "가".repeat(300)));
    }

    @Property(tries = 300)
    void checkNeverThrows(@ForAll String outlet, @ForAll String kind, @ForAll String name, @ForAll String email,
                          @ForAll String phone, @ForAll String beat, @ForAll String consent) {
        var p = ContactSheet.check(2, outlet.strip(), kind, name.strip(), email, phone, beat.strip(), consent);
        assertThat(p.valid() == p.errors().isEmpty()).isTrue();
    }
}
