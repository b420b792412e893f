package kr.sotong.signage.schedule;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.signage.content.ContentKind;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a device's timeline as the player's schedule document. The document is a pure function of the
 * timeline and the content (no timestamps of its making, only insertion-ordered maps — {@code Map.of}
 * iterates in a per-JVM order), so the same schedule gives the same bytes and ETag on every node.
 */
public final class ScheduleDocuments {

    public static final String CONTENT_PATH = "/player/v1/content/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ScheduleResolver.ZONE);

    private ScheduleDocuments() {
    }

    public static ScheduleDocument build(List<Segment> segments, Map<Long, ContentInfo> content, Instant from, Instant to,
                                         int pollSeconds, int heartbeatSeconds, ObjectMapper json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", 1);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", ISO.format(from));
        window.put("to", ISO.format(to));
        doc.put("window", window);
        doc.put("pollSeconds", pollSeconds);
        doc.put("heartbeatSeconds", heartbeatSeconds);
        Map<String, Object> contentOut = new LinkedHashMap<>();
        Map<List<Object>, String> loopKeys = new LinkedHashMap<>();
        Map<String, Object> loops = new LinkedHashMap<>();
        List<Object> segs = new ArrayList<>();
        for (Segment s : segments) {
            List<Object> blocks = new ArrayList<>();
            for (Block b : HourPlanner.plan(s.resolution())) {
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("at", b.at());
                block.put("len", b.len());
                Choice c = b.choice();
                if (c == null) {
                    block.put("loop", null);
                } else {
                    block.put("loop", loopKey(c, loopKeys, loops, contentOut, content));
                    block.put("campaign", c.campaignId());
                    block.put("playlist", c.playlistId());
                    block.put("before", b.before());
                    block.put("perHour", b.perHour());
                }
                blocks.add(block);
            }
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("from", ISO.format(s.from()));
            seg.put("to", ISO.format(s.to()));
            seg.put("fromEpoch", s.from().getEpochSecond());
            seg.put("toEpoch", s.to().getEpochSecond());
            Choice main = s.resolution().main();
            seg.put("campaign", main == null ? null : main.campaignId());
            seg.put("blocks", blocks);
            segs.add(seg);
        }
        doc.put("content", contentOut);
        doc.put("loops", loops);
        doc.put("segments", segs);
        byte[] bytes = json.writeValueAsBytes(doc);
        return new ScheduleDocument(etag(bytes), bytes, from, to, segments.size());
    }

    private static String loopKey(Choice c, Map<List<Object>, String> keys, Map<String, Object> loops,
                                  Map<String, Object> contentOut, Map<Long, ContentInfo> content) {
        List<Object> identity = List.of(c.playlistId(), c.layout(), c.loop(), c.ticker());
        String key = keys.get(identity);
        if (key != null) {
            return key;
        }
        key = "L" + (keys.size() + 1);
        keys.put(identity, key);
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("playlist", c.playlistId());
        loop.put("layout", c.layout().name());
        loop.put("seconds", c.passSeconds());
        List<Object> items = new ArrayList<>();
        for (PlayItem i : c.loop()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("content", String.valueOf(i.contentId()));
            item.put("seconds", i.seconds());
            items.add(item);
            addContent(i.contentId(), contentOut, content);
        }
        loop.put("items", items);
        List<String> ticker = new ArrayList<>();
        for (PlayItem i : c.ticker()) {
            ticker.add(String.valueOf(i.contentId()));
            addContent(i.contentId(), contentOut, content);
        }
        loop.put("ticker", ticker);
        loops.put(key, loop);
        return key;
    }

    private static void addContent(long id, Map<String, Object> out, Map<Long, ContentInfo> content) {
        String key = String.valueOf(id);
        if (out.containsKey(key)) {
            return;
        }
        ContentInfo c = content.get(id);
        if (c == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().name());
        m.put("title", c.title());
        if (c.kind().hasMedia()) {
            m.put("url", CONTENT_PATH + c.sha256());
            m.put("sha256", c.sha256());
            m.put("mediaType", c.mediaType());
            m.put("width", c.width());
            m.put("height", c.height());
            if (c.kind() == ContentKind.VIDEO) {
                m.put("durationMs", c.durationMs());
            }
        } else if (c.kind() == ContentKind.NOTICE) {
            m.put("lines", c.text() == null ? List.of() : c.text().lines().toList());
            m.put("qrUrl", c.qrSha256() == null ? null : CONTENT_PATH + c.qrSha256());
        } else {
            m.put("text", c.text());
        }
        out.put(key, m);
    }

    static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"s-" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
