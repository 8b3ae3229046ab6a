#include <catch2/catch.hpp>

#include "searchengine.h"

TEST_CASE("search finds a service by a title fragment", "[search]")
{
    kb::Article a;
    a.id = QStringLiteral("1");
    a.title = QStringLiteral("Personalausweis");
    kb::SearchEngine engine;
    engine.build({a});
    const auto hits = engine.search(QStringLiteral("personal"));
    REQUIRE(hits.size() == 1);
    CHECK(hits.first().id == QStringLiteral("1"));
}
