package kr.sotong.education.web;

/** The residents' registration form (step 1: who; step 2: the one-time code). */
public record ApplyForm(String name, String phone, String email, String group, Boolean consent, String code) {

    public static ApplyForm empty() {
        return new ApplyForm("", "", "", "RESIDENT", false, "");
    }
}
