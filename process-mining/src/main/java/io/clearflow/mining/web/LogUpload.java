package io.clearflow.mining.web;

import io.clearflow.mining.csv.ColumnMapping;

/**
 * The choices sent with an uploaded log: the CSV columns when they are not the XES names, whether events with an
 * unusable timestamp are skipped, and for an OCEL log the object type that makes a case.
 */
record LogUpload(String caseColumn, String activityColumn, String timestampColumn, String resourceColumn,
                 String groupColumn, String roleColumn, String lifecycleColumn, String instanceColumn,
                 Boolean skipInvalid, String objectType) {

    boolean skipping() {
        return Boolean.TRUE.equals(skipInvalid);
    }

    /** The columns as the API names them. */
    ColumnMapping columns() {
        return new ColumnMapping(caseColumn, activityColumn, timestampColumn, resourceColumn, groupColumn, roleColumn,
                lifecycleColumn, instanceColumn);
    }

    /** The columns the upload page offers; its empty fields mean the XES name. */
    ColumnMapping pageColumns() {
        return new ColumnMapping(blank(caseColumn), blank(activityColumn), blank(timestampColumn),
                blank(resourceColumn), blank(groupColumn), null, blank(lifecycleColumn), null);
    }

    String pageObjectType() {
        return blank(objectType);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
