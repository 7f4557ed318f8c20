/**
 * The report's only behaviour: sortable and filterable tables and click-to-enlarge thumbnails.
 *
 * `enhanceReport` is self-contained (it references nothing outside its body) because the standalone
 * document embeds its source text as the inline script whose hash the CSP allows; the web app calls it
 * directly on the fragment it inserted.
 */
export function enhanceReport(root: ParentNode): void {
  const sortKey = (cell: HTMLTableCellElement | undefined, numeric: boolean): number | string => {
    const raw = cell?.getAttribute("data-v") ?? cell?.textContent ?? "";
    if (!numeric) return raw;
    const value = Number.parseFloat(raw);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  for (const table of Array.from(root.querySelectorAll("table.sc-sortable"))) {
    const body = (table as HTMLTableElement).tBodies[0];
    if (!body) continue;
    const buttons = Array.from(table.querySelectorAll("thead button[data-col]"));
    for (const button of buttons) {
      button.addEventListener("click", () => {
        const column = Number(button.getAttribute("data-col"));
        const numeric = button.getAttribute("data-type") === "number";
        const header = button.parentElement;
        const ascending = header?.getAttribute("aria-sort") !== "ascending";
        for (const other of buttons) other.parentElement?.removeAttribute("aria-sort");
        header?.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const keyed = Array.from(body.rows).map((row, index) => ({
          row,
          index,
          key: sortKey(row.cells[column], numeric),
        }));
        keyed.sort((a, b) => {
          const order = numeric
            ? (a.key as number) < (b.key as number)
              ? -1
              : (a.key as number) > (b.key as number)
                ? 1
                : 0
            : String(a.key).localeCompare(String(b.key));
          return (ascending ? order : -order) || a.index - b.index;
        });
        for (const entry of keyed) body.appendChild(entry.row);
      });
    }
  }
  for (const input of Array.from(root.querySelectorAll("input.sc-filter"))) {
    const wrap = input.closest(".sc-table-wrap");
    const body = (wrap?.querySelector("table.sc-sortable") as HTMLTableElement | null)?.tBodies[0];
    const counter = wrap?.querySelector(".sc-count");
    if (!body) continue;
    input.addEventListener("input", () => {
      const query = (input as HTMLInputElement).value.trim().toLowerCase();
      let shown = 0;
      for (const row of Array.from(body.rows)) {
        const match = query === "" || (row.textContent ?? "").toLowerCase().includes(query);
        row.hidden = !match;
        if (match) shown++;
      }
      if (counter) counter.textContent = `${shown} of ${body.rows.length} shown`;
    });
  }
  root.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    const thumb = target?.closest?.("img.sc-thumb");
    if (thumb) thumb.classList.toggle("sc-zoom");
  });
}

/** The inline script of the standalone document. */
export const REPORT_SCRIPT = `(${enhanceReport.toString()})(document);`;
