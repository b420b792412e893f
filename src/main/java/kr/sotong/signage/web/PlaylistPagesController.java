package kr.sotong.signage.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.content.ContentStatus;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Programming;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of playlists: list, create, items in order with durations, layout. */
@Controller
@RequestMapping("/staff/signage/playlists")
@PreAuthorize(SignageAccess.READ)
class PlaylistPagesController {

    private final Programming programming;
    private final ContentLibrary library;

    PlaylistPagesController(Programming programming, ContentLibrary library) {
        this.programming = programming;
        this.library = library;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("playlists", programming.playlists());
        model.addAttribute("layouts", Layout.values());
        return "signage/playlists";
    }

    @PostMapping
    @PreAuthorize(SignageAccess.EDIT)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String layout,
                  @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        try {
            Playlist p = programming.createPlaylist(name, Forms.choice(Layout.class, layout, "화면 구성"), description);
            flash.addFlashAttribute("info", "재생목록 '" + p.name() + "'을(를) 만들었습니다. 콘텐츠를 담으세요.");
            return "redirect:/staff/signage/playlists/" + p.id();
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff/signage/playlists";
        }
    }

    /** An entry of the playlist with its content item. */
    public record Line(int index, Playlist.Entry entry, ContentItem content) {
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Playlist p = programming.playlist(id);
        List<ContentItem> all = library.list(null, null, null);
        Map<Long, ContentItem> byId = all.stream().collect(Collectors.toMap(ContentItem::id, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < p.entries().size(); i++) {
            Playlist.Entry e = p.entries().get(i);
            ContentItem c = byId.containsKey(e.contentId()) ? byId.get(e.contentId()) : library.get(e.contentId());
            lines.add(new Line(i, e, c));
        }
        model.addAttribute("playlist", p);
        model.addAttribute("lines", lines);
        model.addAttribute("layouts", Layout.values());
        model.addAttribute("candidates", all.stream()
                .filter(c -> c.status() == ContentStatus.APPROVED || c.status() == ContentStatus.PENDING).toList());
        return "signage/playlist";
    }

    @PostMapping("/{id}/describe")
    @PreAuthorize(SignageAccess.EDIT)
    String describe(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(defaultValue = "") String name, @RequestParam(required = false) String layout,
                    @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        return act(id, flash, () -> programming.describePlaylist(id, version, name,
                Forms.choice(Layout.class, layout, "화면 구성"), description), "재생목록 정보를 저장했습니다.");
    }

    @PostMapping("/{id}/items")
    @PreAuthorize(SignageAccess.EDIT)
    String add(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
               @RequestParam(required = false) String contentId, @RequestParam(required = false) String seconds,
               RedirectAttributes flash) {
        return act(id, flash, () -> programming.addItem(id, version,
                        Forms.integer(contentId, "콘텐츠", 1, Integer.MAX_VALUE, null),
                        Forms.optionalInteger(seconds, "재생 시간(초)", 1, 3600)),
                "콘텐츠를 담았습니다.");
    }

    @PostMapping("/{id}/items/{index}/move")
    @PreAuthorize(SignageAccess.EDIT)
    String move(@PathVariable long id, @PathVariable int index, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(defaultValue = "0") int delta, RedirectAttributes flash) {
        return act(id, flash, () -> programming.moveItem(id, version, index, Integer.signum(delta)), "순서를 바꿨습니다.");
    }

    @PostMapping("/{id}/items/{index}/remove")
    @PreAuthorize(SignageAccess.EDIT)
    String remove(@PathVariable long id, @PathVariable int index, @RequestParam(defaultValue = "-1") int version,
                  RedirectAttributes flash) {
        return act(id, flash, () -> programming.removeItem(id, version, index), "항목을 뺐습니다.");
    }

    @PostMapping("/{id}/items/{index}/seconds")
    @PreAuthorize(SignageAccess.EDIT)
    String seconds(@PathVariable long id, @PathVariable int index, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String seconds, RedirectAttributes flash) {
        return act(id, flash, () -> programming.setItemSeconds(id, version, index,
                Forms.integer(seconds, "재생 시간(초)", 1, 3600, null)), "재생 시간을 저장했습니다.");
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String done) {
        return Outcomes.redirect("/staff/signage/playlists/" + id, flash, action, done);
    }
}
