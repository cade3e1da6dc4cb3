#pragma once

#include "benchresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct BenchContext;

//! The report: a table for people, or one JSON document with every figure.
class ReportPrinter {
public:
    static QString table(const BenchContext& context, const QList<BenchResult>& results);
    static QByteArray json(const BenchContext& context, const QList<BenchResult>& results);
};
