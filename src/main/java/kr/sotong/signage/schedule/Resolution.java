package kr.sotong.signage.schedule;

import java.util.List;

/**
 * The effective playlist of a device at an instant: the main choice (a normal campaign or, failing
 * that, a default one; {@code null} when nothing can play), the interrupts layered over it with their
 * guaranteed share of the hour, and notes for staff explaining ties and exclusions.
 */
public record Resolution(Choice main, List<Choice> interrupts, List<String> notes) {

    public static final Resolution NOTHING = new Resolution(null, List.of(), List.of());

    public Resolution {
        interrupts = List.copyOf(interrupts);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return main == null && interrupts.isEmpty();
    }
}
