package io.physforge.discovery.equation;

import java.util.List;

/**
 * One page of equations, newest run first.
 *
 * @param items the equations
 * @param page this page, from 0
 * @param size the page size asked for
 * @param totalItems how many equations the caller may see
 * @param totalPages how many pages there are
 */
public record EquationPage(List<EquationView> items, int page, int size, long totalItems, int totalPages) {

}
