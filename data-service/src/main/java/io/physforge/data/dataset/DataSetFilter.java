package io.physforge.data.dataset;

import io.physforge.core.io.DataFormat;

/**
 * What a listing is restricted to; {@code null} components do not restrict.
 *
 * @param owner owner id (forced to the caller for non-admins)
 * @param nameContains case-insensitive substring of the name
 * @param format original format
 * @param source {@code UPLOAD} or {@code SIMULATION}
 */
public record DataSetFilter(String owner, String nameContains, DataFormat format, String source) {

}
