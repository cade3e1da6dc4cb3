#pragma once

#include "trafficstatistics.h"

#include <QWidget>

/*
 * Messages per second in and out as two lines over the last five minutes, with axes, grid and a legend
 * giving the latest rates. Painted with QPainter (Qt Charts is not a dependency).
 */
class TrafficChart : public QWidget {
    Q_OBJECT

public:
    explicit TrafficChart(QWidget* parent = nullptr);

    void setHistory(const QList<TrafficStatistics::Sample>& samples);
    const QList<TrafficStatistics::Sample>& history() const { return m_samples; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static const QColor& inColor();
    static const QColor& outColor();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    static QString rateText(double rate);

    QList<TrafficStatistics::Sample> m_samples;
};
