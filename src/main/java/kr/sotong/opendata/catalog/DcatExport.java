package kr.sotong.opendata.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.opendata.OpenDataProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published catalogue in DCAT (W3C Data Catalog Vocabulary, v2) as Turtle and JSON-LD: a dcat:Catalog with
 * its dcat:Dataset entries and one dcat:Distribution per resource and download format.
 */
@Component
public class DcatExport {

    static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("dcat", "http://www.w3.org/ns/dcat#");
        PREFIXES.put("dct", "http://purl.org/dc/terms/");
        PREFIXES.put("foaf", "http://xmlns.com/foaf/0.1/");
        PREFIXES.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        PREFIXES.put("skos", "http://www.w3.org/2004/02/skos/core#");
        PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        PREFIXES.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    }

    private final Catalog catalog;
    private final OpenDataProperties properties;
    private final String baseUrl;

    public DcatExport(Catalog catalog, OpenDataProperties properties,
                      @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.catalog = catalog;
        this.properties = properties;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** One statement: subject, predicate (prefixed name), object (an IRI or a literal). */
    record Triple(String s, String p, Node o) {
    }

    record Node(String value, boolean iri, String datatype, String lang) {
        static Node iri(String v) {
            return new Node(v, true, null, null);
        }

        static Node text(String v) {
            return new Node(v, false, null, "ko");
        }

        static Node plain(String v) {
            return new Node(v, false, null, null);
        }

        static Node typed(String v, String datatype) {
            return new Node(v, false, datatype, null);
        }
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<Triple> triples() {
        List<Triple> t = new ArrayList<>();
        String cat = baseUrl + "/data/catalog";
        String publisher = baseUrl + "/data#publisher";
        t.add(new Triple(cat, "rdf:type", Node.iri(PREFIXES.get("dcat") + "Catalog")));
        t.add(new Triple(cat, "dct:title", Node.text(properties.siteTitle())));
        t.add(new Triple(cat, "dct:description", Node.text(properties.publisher() + "이(가) 개방한 공공데이터 목록")));
        t.add(new Triple(cat, "dct:language", Node.iri("http://id.loc.gov/vocabulary/iso639-1/ko")));
        t.add(new Triple(cat, "foaf:homepage", Node.iri(baseUrl + "/data")));
        t.add(new Triple(cat, "dct:publisher", Node.iri(publisher)));
        t.add(new Triple(publisher, "rdf:type", Node.iri(PREFIXES.get("foaf") + "Organization")));
        t.add(new Triple(publisher, "foaf:name", Node.text(properties.publisher())));
        for (Dataset d : catalog.search(new Catalog.Query(null, null, null, null, null, null, 0, 100_000, "name asc")).results()) {
            String ds = baseUrl + "/data/" + d.name();
            t.add(new Triple(cat, "dcat:dataset", Node.iri(ds)));
            t.add(new Triple(ds, "rdf:type", Node.iri(PREFIXES.get("dcat") + "Dataset")));
            t.add(new Triple(ds, "dct:identifier", Node.plain(d.name())));
            t.add(new Triple(ds, "dct:title", Node.text(d.title())));
            t.add(new Triple(ds, "dct:description", Node.text(d.description())));
            d.tags().forEach(k -> t.add(new Triple(ds, "dcat:keyword", Node.text(k))));
            String theme = baseUrl + "/data/themes/" + seg(d.theme());
            t.add(new Triple(ds, "dcat:theme", Node.iri(theme)));
            t.add(new Triple(theme, "rdf:type", Node.iri(PREFIXES.get("skos") + "Concept")));
            t.add(new Triple(theme, "skos:prefLabel", Node.text(d.theme())));
            if (d.licence().url != null) {
                t.add(new Triple(ds, "dct:license", Node.iri(d.licence().url)));
            }
            t.add(new Triple(ds, "dct:accrualPeriodicity", Node.iri(d.updateCycle().frequency)));
            String org = baseUrl + "/data?organization=" + seg(d.organizationName());
            t.add(new Triple(ds, "dct:publisher", Node.iri(org)));
            t.add(new Triple(org, "rdf:type", Node.iri(PREFIXES.get("foaf") + "Organization")));
            t.add(new Triple(org, "foaf:name", Node.text(d.organizationTitle())));
            t.add(new Triple(ds, "dcat:landingPage", Node.iri(ds)));
            if (d.publishedAt() != null) {
                t.add(new Triple(ds, "dct:issued", dateTime(d.publishedAt())));
            }
            t.add(new Triple(ds, "dct:modified", dateTime(d.updatedAt())));
            if (d.contactName() != null || d.contactEmail() != null) {
                String cp = ds + "#contact";
                t.add(new Triple(ds, "dcat:contactPoint", Node.iri(cp)));
                t.add(new Triple(cp, "rdf:type", Node.iri(PREFIXES.get("vcard") + "Kind")));
                t.add(new Triple(cp, "vcard:fn", Node.text(d.contactName() != null ? d.contactName() : d.organizationTitle())));
                if (d.contactEmail() != null) {
                    t.add(new Triple(cp, "vcard:hasEmail", Node.iri("mailto:" + d.contactEmail())));
                }
            }
            for (Resource r : catalog.resources(d.id())) {
                if (r.currentVersionId() == null) {
                    continue;
                }
                DatasetVersion v = catalog.version(r.currentVersionId()).orElse(null);
                for (Exports.Format f : Exports.Format.values()) {
                    String dist = ds + "/resources/" + r.id() + "#" + f.param();
                    String url = ds + "/resources/" + r.id() + "/download?format=" + f.param();
                    t.add(new Triple(ds, "dcat:distribution", Node.iri(dist)));
                    t.add(new Triple(dist, "rdf:type", Node.iri(PREFIXES.get("dcat") + "Distribution")));
                    t.add(new Triple(dist, "dct:title", Node.text(r.name() + " (" + f.label + ")")));
                    t.add(new Triple(dist, "dcat:downloadURL", Node.iri(url)));
                    t.add(new Triple(dist, "dcat:accessURL", Node.iri(ds)));
                    t.add(new Triple(dist, "dcat:mediaType", Node.iri("https://www.iana.org/assignments/media-types/"
                            + f.mediaType.replaceAll(";.*", ""))));
                    t.add(new Triple(dist, "dct:format", Node.plain(f.extension.toUpperCase(java.util.Locale.ROOT))));
                    if (d.licence().url != null) {
                        t.add(new Triple(dist, "dct:license", Node.iri(d.licence().url)));
                    }
                    if (v != null) {
                        t.add(new Triple(dist, "dct:modified", dateTime(v.createdAt())));
                    }
                }
            }
        }
        return t;
    }

    private static Node dateTime(Instant i) {
        return Node.typed(i.toString(), PREFIXES.get("xsd") + "dateTime");
    }

    public String turtle() {
        StringBuilder sb = new StringBuilder();
        PREFIXES.forEach((k, v) -> sb.append("@prefix ").append(k).append(": <").append(v).append("> .\n"));
        sb.append('\n');
        String subject = null;
        for (Triple t : triples()) {
            if (!t.s().equals(subject)) {
                if (subject != null) {
                    sb.append(" .\n\n");
                }
                subject = t.s();
                sb.append('<').append(iri(t.s())).append(">\n    ");
            } else {
                sb.append(" ;\n    ");
            }
            sb.append(t.p().equals("rdf:type") ? "a" : t.p()).append(' ').append(turtle(t.o()));
        }
        if (subject != null) {
            sb.append(" .\n");
        }
        return sb.toString();
    }

    private static String iri(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String turtle(Node n) {
        if (n.iri()) {
            return "<" + iri(n.value()) + ">";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : n.value().toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('"');
        if (n.lang() != null) {
            sb.append('@').append(n.lang());
        } else if (n.datatype() != null) {
            sb.append("^^<").append(n.datatype()).append('>');
        }
        return sb.toString();
    }

    public ObjectNode jsonLd() {
        ObjectNode root = CkanDicts.JSON.createObjectNode();
        ObjectNode context = root.putObject("@context");
        PREFIXES.forEach(context::put);
        Map<String, ObjectNode> nodes = new LinkedHashMap<>();
        ArrayNode graph = root.putArray("@graph");
        for (Triple t : triples()) {
            ObjectNode node = nodes.computeIfAbsent(t.s(), s -> {
                ObjectNode o = graph.addObject();
                o.put("@id", s);
                return o;
            });
            if (t.p().equals("rdf:type")) {
                String type = t.o().value();
                for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
                    if (type.startsWith(p.getValue())) {
                        type = p.getKey() + ":" + type.substring(p.getValue().length());
                    }
                }
                node.withArray("@type").add(type);
                continue;
            }
            ObjectNode value = CkanDicts.JSON.createObjectNode();
            Node o = t.o();
            if (o.iri()) {
                value.put("@id", o.value());
            } else {
                value.put("@value", o.value());
                if (o.lang() != null) {
                    value.put("@language", o.lang());
                } else if (o.datatype() != null) {
                    value.put("@type", o.datatype());
                }
            }
            node.withArray(t.p()).add(value);
        }
        return root;
    }
}
