package kr.sotong.opendata.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** CKAN's dictionaries (package, resource, organization) built from the catalogue. */
final class CkanDicts {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private CkanDicts() {
    }

    static String time(Instant t) {
        return t == null ? null : CKAN_TIME.format(t);
    }

    static ObjectNode organization(Organization o, long packageCount) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", String.valueOf(o.id()));
        n.put("name", o.name());
        n.put("title", o.title());
        n.put("display_name", o.title());
        n.put("description", o.description());
        n.put("type", "organization");
        n.put("state", "active");
        n.put("is_organization", true);
        n.put("approval_status", "approved");
        n.put("created", time(o.createdAt()));
        n.put("image_url", "");
        n.put("package_count", packageCount);
        return n;
    }

    static ObjectNode resource(Dataset d, Resource r, DatasetVersion v, String baseUrl, int position) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", String.valueOf(r.id()));
        n.put("package_id", String.valueOf(d.id()));
        n.put("name", r.name());
        n.put("description", r.description());
        n.put("format", "CSV");
        n.put("mimetype", "text/csv");
        n.put("url", baseUrl + "/data/" + d.name() + "/resources/" + r.id() + "/download?format=csv");
        n.put("url_type", "");
        n.put("position", position);
        n.put("state", "active");
        n.put("created", time(r.createdAt()));
        n.put("last_modified", time(v == null ? r.updatedAt() : v.createdAt()));
        n.put("metadata_modified", time(r.updatedAt()));
        if (v != null) {
            n.put("size", v.sizeBytes());
            n.put("hash", "sha256:" + v.sha256());
            n.put("version", v.versionNo());
            if (v.rowCount() != null) {
                n.put("row_count", v.rowCount());
            }
        } else {
            n.putNull("size");
        }
        ArrayNode alt = n.putArray("download_formats");
        for (Exports.Format f : Exports.Format.values()) {
            ObjectNode a = alt.addObject();
            a.put("format", f.param());
            a.put("url", baseUrl + "/data/" + d.name() + "/resources/" + r.id() + "/download?format=" + f.param());
        }
        return n;
    }

    static ObjectNode pkg(Dataset d, Organization o, long orgPackages, List<ObjectNode> resources, String baseUrl) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", String.valueOf(d.id()));
        n.put("name", d.name());
        n.put("title", d.title());
        n.put("notes", d.description());
        n.put("type", "dataset");
        n.put("state", "active");
        n.put("private", false);
        n.put("license_id", d.licence().ckanId);
        n.put("license_title", d.licence().title);
        n.put("license_url", d.licence().url);
        n.put("isopen", d.licence() != Licence.OTHER);
        n.put("maintainer", d.contactName());
        n.put("maintainer_email", d.contactEmail());
        n.put("author", d.organizationTitle());
        n.put("url", baseUrl + "/data/" + d.name());
        n.put("version", (String) null);
        n.put("metadata_created", time(d.createdAt()));
        n.put("metadata_modified", time(d.updatedAt()));
        n.put("owner_org", String.valueOf(d.organizationId()));
        n.set("organization", organization(o, orgPackages));
        ArrayNode tags = n.putArray("tags");
        for (String t : d.tags()) {
            ObjectNode tn = tags.addObject();
            tn.put("name", t);
            tn.put("display_name", t);
            tn.put("state", "active");
        }
        n.put("num_tags", d.tags().size());
        ArrayNode res = n.putArray("resources");
        resources.forEach(res::add);
        n.put("num_resources", resources.size());
        ArrayNode groups = n.putArray("groups");
        ObjectNode g = groups.addObject();
        g.put("name", d.theme());
        g.put("title", d.theme());
        ArrayNode extras = n.putArray("extras");
        extra(extras, "theme", d.theme());
        extra(extras, "update_cycle", d.updateCycle().label);
        extra(extras, "accrual_periodicity", d.updateCycle().frequency);
        extra(extras, "download_count", String.valueOf(d.downloads()));
        extra(extras, "api_count", String.valueOf(d.apiCalls()));
        if (d.contactPhone() != null) {
            extra(extras, "contact_phone", d.contactPhone());
        }
        return n;
    }

    private static void extra(ArrayNode extras, String key, String value) {
        ObjectNode e = extras.addObject();
        e.put("key", key);
        e.put("value", value);
    }
}
