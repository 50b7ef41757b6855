/**
 * @deprecated Use `./vaadin-grid/vaadin-grid-flow-selection-column.ts` instead.
 * This entrypoint is kept for backwards compatibility and is removed in the next
 * major version.
 */
export * from './vaadin-grid/vaadin-grid-flow-selection-column.ts';
