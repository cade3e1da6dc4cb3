#include "trafficchart.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

// Rounds up to 1, 2 or 5 times a power of ten: tick steps people read at a glance.
double niceStep(double raw)
{
    if (raw <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= factor * magnitude)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

TrafficChart::TrafficChart(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

const QColor& TrafficChart::inColor()
{
    static const QColor color(0x1f, 0x77, 0xb4); // blue; readable on light and dark backgrounds
    return color;
}

const QColor& TrafficChart::outColor()
{
    static const QColor color(0xff, 0x7f, 0x0e); // orange
    return color;
}

void TrafficChart::setHistory(const QList<TrafficStatistics::Sample>& samples)
{
    m_samples = samples;
    update();
}

QSize TrafficChart::sizeHint() const
{
    return {640, 280};
}

QSize TrafficChart::minimumSizeHint() const
{
    return {320, 160};
}

QString TrafficChart::rateText(double rate)
{
    if (rate >= 1e6)
        return QString::number(rate / 1e6, 'g', 3) + QLatin1Char('M');
    if (rate >= 1e3)
        return QString::number(rate / 1e3, 'g', 3) + QLatin1Char('k');
    return QString::number(rate, 'g', 3);
}

void TrafficChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const QColor text = palette().color(QPalette::Text);
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(40);

    double peak = 0;
    for (const TrafficStatistics::Sample& sample : m_samples)
        peak = std::max({peak, double(sample.in), double(sample.out)});
    const double step = niceStep(std::max(peak, 4.0) / 4);
    const double top = std::max(step, std::ceil(peak / step) * step);

    const int lineHeight = metrics.height();
    const int labelWidth = metrics.horizontalAdvance(rateText(top)) + 10;
    const int left = std::max(labelWidth, metrics.horizontalAdvance(tr("msg/s")) + 4) + 8;
    const QRect area(QPoint(left, 2 * lineHeight + 16), QPoint(width() - 16, height() - lineHeight - 10));
    if (area.width() < 20 || area.height() < 20)
        return;

    // Title and legend with the latest complete second's rates.
    painter.setPen(text);
    const TrafficStatistics::Sample latest =
        m_samples.isEmpty() ? TrafficStatistics::Sample{} : m_samples.last();
    int x = area.left();
    const int legendY = 4;
    const QString title = tr("Messages per second, last 5 minutes");
    painter.drawText(QPoint(x, legendY + metrics.ascent()), title);
    x += metrics.horizontalAdvance(title) + 24;
    const auto legend = [&](const QColor& color, const QString& label) {
        painter.setPen(QPen(color, 3));
        painter.drawLine(x, legendY + lineHeight / 2, x + 18, legendY + lineHeight / 2);
        painter.setPen(text);
        painter.drawText(QPoint(x + 24, legendY + metrics.ascent()), label);
        x += 24 + metrics.horizontalAdvance(label) + 18;
    };
    legend(inColor(), tr("in: %1/s").arg(rateText(latest.in)));
    legend(outColor(), tr("out: %1/s").arg(rateText(latest.out)));

    // Y axis: grid lines and labels.
    painter.drawText(QPoint(4, area.top() - lineHeight / 2 - 4), tr("msg/s"));
    for (double value = 0; value <= top + step / 2; value += step) {
        const int y = area.bottom() - int(std::lround(value / top * area.height()));
        painter.setPen(grid);
        painter.drawLine(area.left(), y, area.right(), y);
        painter.setPen(text);
        const QString label = rateText(value);
        painter.drawText(
            QPoint(area.left() - 6 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1), label);
    }
    // X axis: a label every minute.
    const int span = TrafficStatistics::kHistorySeconds;
    for (int minutesAgo = span / 60; minutesAgo >= 0; --minutesAgo) {
        const int xTick =
            area.right() - int(std::lround(double(minutesAgo * 60) / (span - 1) * area.width()));
        painter.setPen(grid);
        painter.drawLine(xTick, area.top(), xTick, area.bottom());
        painter.setPen(text);
        const QString label = minutesAgo == 0 ? tr("now") : tr("\u2212%1 min").arg(minutesAgo);
        const int labelX = std::clamp(xTick - metrics.horizontalAdvance(label) / 2, 0,
                                      width() - metrics.horizontalAdvance(label) - 2);
        painter.drawText(QPoint(labelX, area.bottom() + 6 + metrics.ascent()), label);
    }
    painter.setPen(QPen(text, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());

    if (m_samples.size() < 2)
        return;
    const double dx = double(area.width()) / double(m_samples.size() - 1);
    const auto series = [&](auto value, const QColor& color) {
        QPainterPath path;
        for (qsizetype i = 0; i < m_samples.size(); ++i) {
            const QPointF point(area.left() + double(i) * dx,
                                area.bottom() - double(value(m_samples[i])) / top * area.height());
            i == 0 ? path.moveTo(point) : path.lineTo(point);
        }
        painter.setPen(QPen(color, 1.6));
        painter.drawPath(path);
    };
    painter.setClipRect(area.adjusted(0, -2, 1, 1));
    series([](const TrafficStatistics::Sample& s) { return s.in; }, inColor());
    series([](const TrafficStatistics::Sample& s) { return s.out; }, outColor());
}
