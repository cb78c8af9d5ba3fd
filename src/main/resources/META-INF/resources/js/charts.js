// Draws every trend chart of a page with uPlot from the JSON next to it; the figure's caption and data table
// carry the same figures as text.
(function () {
  const palette = ["#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#00838f", "#6d4c41", "#546e7a"];

  function draw(figure) {
    const data = JSON.parse(figure.querySelector(".chart-data").textContent);
    const share = data.unit === "%";
    const scale = (v) => (v == null ? null : share ? v * 100 : v);
    const columns = [data.x].concat(data.series.map((s) => s.values.map(scale)));
    const series = [{}].concat(data.series.map((s, i) => ({
      label: s.name, stroke: palette[i % palette.length], width: 2, spanGaps: false,
    })));
    data.bands.forEach((band) => {
      columns.push(data.x.map(() => scale(band.value)));
      series.push({ label: band.label, stroke: "#888", dash: [6, 4], width: 1, points: { show: false } });
    });
    const plot = figure.querySelector(".plot");
    const unit = share ? "%" : data.unit;
    new uPlot({
      width: Math.max(plot.clientWidth, 320),
      height: 220,
      series: series,
      axes: [{}, { values: (u, ticks) => ticks.map((t) => t + (unit ? " " + unit : "")), size: 70 }],
    }, columns, plot);
  }

  function drawAll(root) {
    root.querySelectorAll("figure.chart").forEach((figure) => {
      if (figure.querySelector(".chart-data") && !figure.querySelector(".uplot")) {
        draw(figure);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => drawAll(document));
  // Charts that htmx brings in later (a view page loads its drift history after the page).
  document.addEventListener("htmx:afterSettle", () => drawAll(document));
})();
