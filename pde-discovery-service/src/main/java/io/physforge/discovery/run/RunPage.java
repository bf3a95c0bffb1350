package io.physforge.discovery.run;

import java.util.List;

/**
 * One page of discovery runs, newest first.
 *
 * @param items the runs on this page, with their equations
 * @param page this page, from 0
 * @param size the page size asked for
 * @param totalItems how many runs the caller may see
 * @param totalPages how many pages there are
 */
public record RunPage(List<DiscoveryRun> items, int page, int size, long totalItems, int totalPages) {

}
