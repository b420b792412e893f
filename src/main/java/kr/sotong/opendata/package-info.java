/**
 * 공공데이터 (open data, AI빅데이터팀): datasets with resources and versions, reading office Excel/CSV files,
 * Table Schema inference and declaration, a validation engine with Frictionless's error model plus the Korean
 * public-data standard rules, standardisation fixes, publication with a CKAN-compatible Action API and a DCAT
 * export, residents' provision requests with statutory deadlines, analysis requests, data-literacy training and
 * use cases.
 * <p>
 * The facade {@link kr.sotong.opendata.OpenDataCatalog} is the module's API for other modules; everything in the
 * sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "공공데이터")
package kr.sotong.opendata;
