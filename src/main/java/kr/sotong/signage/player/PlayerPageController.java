package kr.sotong.signage.player;

import java.io.IOException;
import java.io.InputStream;
import kr.sotong.signage.config.SignageProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reference player: a public page for kiosk browsers and its service worker. The worker is served
 * from {@code /player/sw.js} with {@code Service-Worker-Allowed: /player} so that it controls the page
 * and can bring the player back up from its cache when the server is unreachable.
 */
@Controller
class PlayerPageController {

    private final SignageProperties properties;

    PlayerPageController(SignageProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/player")
    String player(Model model) {
        model.addAttribute("pollSeconds", properties.pollInterval().toSeconds());
        model.addAttribute("heartbeatSeconds", properties.heartbeatInterval().toSeconds());
        return "signage/player";
    }

    @GetMapping(value = "/player/sw.js")
    ResponseEntity<byte[]> serviceWorker() throws IOException {
        try (InputStream in = new ClassPathResource("static/signage/player-sw.js").getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                    .cacheControl(CacheControl.noCache())
                    .header("Service-Worker-Allowed", "/player")
                    .body(in.readAllBytes());
        }
    }
}
