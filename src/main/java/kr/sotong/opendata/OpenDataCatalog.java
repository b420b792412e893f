package kr.sotong.opendata;

import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.requests.ProvisionDesk;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for other modules (work-plan KPIs, reports): what is open and how it is used. */
@Service
@Transactional(readOnly = true)
public class OpenDataCatalog {

    private final Catalog catalog;
    private final ProvisionDesk desk;

    OpenDataCatalog(Catalog catalog, ProvisionDesk desk) {
        this.catalog = catalog;
        this.desk = desk;
    }

    /**
     * @param publishedDatasets datasets open on /data and the CKAN API
     * @param openRequests      provision requests awaiting a decision
     * @param overdueRequests   of those, past their statutory deadline
     */
    public record Summary(long publishedDatasets, long downloads, long apiCalls, long openRequests, long overdueRequests) {
    }

    public Summary summary() {
        var totals = catalog.totals();
        long[] deadlines = desk.deadlineCounts();
        return new Summary(totals.get("published"), totals.get("downloads"), totals.get("apiCalls"), deadlines[0], deadlines[2]);
    }
}
