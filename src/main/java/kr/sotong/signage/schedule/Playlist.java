package kr.sotong.signage.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;

/** 재생목록: an ordered list of content items with on-screen seconds, shown in a layout. */
public class Playlist {

    public static final int MAX_ITEMS = 200;

    /** One position of the playlist. */
    public record Entry(long contentId, int seconds) {
        public Entry {
            if (seconds < 1 || seconds > 3600) {
                throw new DomainException("signage.playlist.bad-seconds", "재생 시간은 1초 이상 3600초 이하로 입력하세요: " + seconds);
            }
        }
    }

    Long id;
    String name;
    Layout layout;
    String description = "";
    List<Entry> entries = new ArrayList<>();
    Instant createdAt;
    Instant updatedAt;
    int version;

    Playlist() {
    }

    static Playlist create(String name, Layout layout, String description, Instant now) {
        Playlist p = new Playlist();
        p.describe(name, layout, description);
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    void describe(String name, Layout layout, String description) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new DomainException("signage.playlist.name-required", "재생목록 이름을 입력하세요.");
        }
        if (n.length() > 200) {
            throw new DomainException("signage.playlist.name-too-long", "재생목록 이름은 200자 이내로 입력하세요.");
        }
        if (layout == null) {
            throw new DomainException("signage.playlist.layout-required", "화면 구성을 고르세요.");
        }
        this.name = n;
        this.layout = layout;
        this.description = description == null ? "" : description.strip();
    }

    void add(long contentId, int seconds, Instant now) {
        if (entries.size() >= MAX_ITEMS) {
            throw new DomainException("signage.playlist.full", "재생목록에는 " + MAX_ITEMS + "개까지 담을 수 있습니다.");
        }
        entries.add(new Entry(contentId, seconds));
        updatedAt = now;
    }

    void move(int index, int delta, Instant now) {
        check(index);
        int target = index + delta;
        if (target < 0 || target >= entries.size()) {
            return;
        }
        Entry e = entries.remove(index);
        entries.add(target, e);
        updatedAt = now;
    }

    void remove(int index, Instant now) {
        check(index);
        entries.remove(index);
        updatedAt = now;
    }

    void setSeconds(int index, int seconds, Instant now) {
        check(index);
        entries.set(index, new Entry(entries.get(index).contentId(), seconds));
        updatedAt = now;
    }

    private void check(int index) {
        if (index < 0 || index >= entries.size()) {
            throw new DomainException("signage.playlist.no-such-position", "재생목록에 없는 순서입니다: " + (index + 1));
        }
    }

    public int totalSeconds() {
        return entries.stream().mapToInt(Entry::seconds).sum();
    }

    public Long id() { return id; }
    public String name() { return name; }
    public Layout layout() { return layout; }
    public String description() { return description; }
    public List<Entry> entries() { return List.copyOf(entries); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
}
