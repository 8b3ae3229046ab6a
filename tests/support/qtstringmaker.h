#pragma once

// Lets Catch2 print Qt strings in failed assertions.

#include <catch2/catch.hpp>

#include <QString>
#include <QStringList>

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <> struct StringMaker<QStringList>
{
    static std::string convert(const QStringList &l) { return "[" + l.join(QStringLiteral(" | ")).toStdString() + "]"; }
};
} // namespace Catch
