package dev.asap.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link LineChart} as self-contained inline SVG: axes with ticks, one line per curve, an optional
 * translucent inter-quartile band, and a legend. Non-finite points break a line; on a log scale, values at or
 * below the axis floor are drawn on the floor.
 */
public final class SvgChart {
  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf"};
  private static final int WIDTH = 520;
  private static final int HEIGHT = 300;
  private static final int LEFT = 62;
  private static final int RIGHT = 120;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;

  private SvgChart() {}

  public static String render(LineChart chart) {
    double[] xr = xRange(chart);
    double[] yr = yRange(chart);
    Scale sx = new Scale(xr[0], xr[1], LEFT, WIDTH - RIGHT, false);
    Scale sy = new Scale(yr[0], yr[1], HEIGHT - BOTTOM, TOP, chart.logY());
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>",
        LEFT, esc(chart.title())));
    axes(s, chart, sx, sy);
    for (int c = 0; c < chart.curves().size(); c++) {
      Curve curve = chart.curves().get(c);
      String color = COLORS[c % COLORS.length];
      if (chart.bands()) {
        for (String poly : bands(curve, sx, sy)) {
          s.append("<polygon points=\"").append(poly).append("\" fill=\"").append(color)
              .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
        }
      }
      for (String line : lines(curve.x(), curve.median(), sx, sy)) {
        s.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"").append(color)
            .append("\" stroke-width=\"1.8\"/>");
      }
      int ly = TOP + 14 + 16 * c;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
          + "stroke-width=\"2.5\"/><text x=\"%d\" y=\"%d\">%s</text>", WIDTH - RIGHT + 10, ly - 4, WIDTH - RIGHT + 28,
          ly - 4, color, WIDTH - RIGHT + 32, ly, esc(curve.label())));
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void axes(StringBuilder s, LineChart chart, Scale sx, Scale sy) {
    int x0 = LEFT;
    int x1 = WIDTH - RIGHT;
    int y0 = HEIGHT - BOTTOM;
    int y1 = TOP;
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#999\"/>", x0, y1, x1 - x0, y0 - y1));
    for (double t : ticks(sx.lo, sx.hi, false)) {
      double px = sx.map(t);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, y1, px, y0, px, y0 + 14, tick(t)));
    }
    for (double t : ticks(sy.lo, sy.hi, sy.log)) {
      double py = sy.map(t);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", x0, py, x1, py, x0 - 4, py + 4, tick(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (x0 + x1) / 2,
        HEIGHT - 8, esc(chart.xLabel())));
    s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 14 %d)\">%s</text>", (y0 + y1) / 2, (y0 + y1) / 2,
        esc(chart.yLabel() + (chart.logY() ? " (log)" : ""))));
  }

  /** Polyline point lists, one per run of finite points. */
  static List<String> lines(double[] x, double[] y, Scale sx, Scale sy) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(y[i])) {
        flush(out, cur);
        continue;
      }
      cur.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(x[i]), sy.map(y[i])));
    }
    flush(out, cur);
    return out;
  }

  private static List<String> bands(Curve c, Scale sx, Scale sy) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = c.x().length;
    while (i < n) {
      if (!Double.isFinite(c.lower()[i]) || !Double.isFinite(c.upper()[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < n && Double.isFinite(c.lower()[j + 1]) && Double.isFinite(c.upper()[j + 1])) {
        j++;
      }
      StringBuilder p = new StringBuilder();
      for (int k = i; k <= j; k++) {
        p.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(c.x()[k]), sy.map(c.upper()[k])));
      }
      for (int k = j; k >= i; k--) {
        p.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(c.x()[k]), sy.map(c.lower()[k])));
      }
      out.add(p.toString().trim());
      i = j + 1;
    }
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString().trim());
      cur.setLength(0);
    }
  }

  private static double[] xRange(LineChart chart) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Curve c : chart.curves()) {
      for (double v : c.x()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi > lo)) {
      return new double[] {Double.isFinite(lo) ? lo : 0, Double.isFinite(lo) ? lo + 1 : 1};
    }
    return new double[] {lo, hi};
  }

  private static double[] yRange(LineChart chart) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Curve c : chart.curves()) {
      List<double[]> series = chart.bands() ? List.of(c.median(), c.lower(), c.upper()) : List.of(c.median());
      for (double[] ys : series) {
        for (double v : ys) {
          if (Double.isFinite(v) && (!chart.logY() || v > 0)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    if (!Double.isFinite(lo)) {
      return chart.logY() ? new double[] {0.01, 1} : new double[] {0, 1};
    }
    if (chart.logY()) {
      lo = Math.max(lo, hi * 1e-6);
      double a = Math.pow(10, Math.floor(Math.log10(lo)));
      double b = Math.pow(10, Math.ceil(Math.log10(hi)));
      return new double[] {a, b > a ? b : a * 10};
    }
    if (hi == lo) {
      return new double[] {lo - 1, hi + 1};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  /** About five round tick values in [lo, hi]; decades on a log scale. */
  static List<Double> ticks(double lo, double hi, boolean log) {
    List<Double> out = new ArrayList<>();
    if (log) {
      for (double d = Math.ceil(Math.log10(lo) - 1e-9); d <= Math.log10(hi) + 1e-9; d++) {
        out.add(Math.pow(10, d));
      }
      return out;
    }
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return out;
  }

  private static String tick(double v) {
    if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Maps data values to pixels, linearly or in log10. */
  record Scale(double lo, double hi, double from, double to, boolean log) {
    double map(double v) {
      double a = log ? Math.log10(lo) : lo;
      double b = log ? Math.log10(hi) : hi;
      double w = log ? Math.log10(Math.max(v, lo)) : v;
      w = Math.max(a, Math.min(b, w));
      return from + (w - a) / (b - a) * (to - from);
    }
  }
}
