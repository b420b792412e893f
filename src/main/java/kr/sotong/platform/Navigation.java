package kr.sotong.platform;

import java.util.List;

/** Modules contribute their menu entries as beans implementing this; the layout renders them. */
public interface Navigation {

    /** Entries of the staff menu ({@code /staff/...}). */
    default List<NavLink> staffLinks() {
        return List.of();
    }

    /** Entries of the residents' site ({@code /...}) and home page. */
    default List<NavLink> publicLinks() {
        return List.of();
    }
}
