#include "catch_qt.h"

#include "searchresultmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace {
QList<kb::ResultItem> items(std::initializer_list<const char *> titles)
{
    QList<kb::ResultItem> list;
    int n = 0;
    for (const char *t : titles) {
        kb::ResultItem item;
        item.id = QString::number(++n);
        item.title = QString::fromUtf8(t);
        item.office = QStringLiteral("Bürgerbüro Ruppertstraße");
        item.officeCount = 7;
        item.snippet = QStringLiteral("<mark>Perso</mark>nalausweis &amp; Pass");
        item.score = 1.0 / n;
        list.append(item);
    }
    return list;
}
} // namespace

TEST_CASE("result model passes QAbstractItemModelTester through resets", "[resultmodel]")
{
    kb::SearchResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model.setResults(1, items({"Personalausweis", "Reisepass"})));
    REQUIRE(model.setResults(2, items({"Wohnsitzanmeldung"})));
    REQUIRE(model.setResults(3, {}));
    model.setItems(items({"A", "B", "C", "D"}));
    model.clear();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("result model exposes explicit roles", "[resultmodel]")
{
    kb::SearchResultModel model;
    model.setResults(1, items({"Personalausweis"}));
    const QModelIndex i = model.index(0);
    CHECK(i.data(Qt::DisplayRole).toString() == QStringLiteral("Personalausweis"));
    CHECK(i.data(kb::SearchResultModel::IdRole).toString() == QStringLiteral("1"));
    CHECK(i.data(kb::SearchResultModel::OfficeRole).toString() == QStringLiteral("Bürgerbüro Ruppertstraße"));
    CHECK(i.data(kb::SearchResultModel::OfficeCountRole).toInt() == 7);
    CHECK(i.data(kb::SearchResultModel::SnippetRole).toString() ==
          QStringLiteral("<mark>Perso</mark>nalausweis &amp; Pass"));
    CHECK(i.data(kb::SearchResultModel::SnippetTextRole).toString() == QStringLiteral("Personalausweis & Pass"));
    CHECK(i.data(Qt::AccessibleTextRole).toString() == QStringLiteral("Personalausweis, Bürgerbüro Ruppertstraße"));
    CHECK_FALSE(i.data(Qt::DecorationRole).isValid());
    CHECK(model.roleNames().value(kb::SearchResultModel::SnippetRole) == QByteArray("snippet"));
    CHECK(model.rowOfId(QStringLiteral("1")) == 0);
    CHECK(model.rowOfId(QStringLiteral("nope")) == -1);
}

TEST_CASE("result model never lets an older answer overwrite a newer one", "[resultmodel][stale]")
{
    kb::SearchResultModel model;
    QSignalSpy shown(&model, &kb::SearchResultModel::resultsShown);
    REQUIRE(model.setResults(7, items({"Reisepass"})));
    CHECK_FALSE(model.setResults(5, items({"Personalausweis", "Wohnsitzanmeldung"})));
    CHECK(model.rowCount() == 1);
    CHECK(model.item(0).title == QStringLiteral("Reisepass"));
    CHECK(model.shownRequestId() == 7);
    CHECK(shown.count() == 1);
    CHECK(model.setResults(8, items({"Personalausweis"})));
    CHECK(model.item(0).title == QStringLiteral("Personalausweis"));
    CHECK(shown.count() == 2);
}
