#include "articleeditor.h"

#include "articlehtml.h"
#include "articlepage.h"
#include "conflictdialog.h"
#include "editorialsession.h"
#include "htmlsanitizer.h"
#include "richtext.h"
#include "store.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace desk {

namespace {

// QDateEdit cannot be empty: its minimum date stands for "no date" and shows as "–".
const QDate NoDate(2000, 1, 1);

// Tab leaves a date like any other field. QDateEdit walks day, month and year with Tab, and while it shows "–" for
// no date it swallows Tab altogether: a keyboard trap in the middle of the form. Left and Right move between the
// date's parts instead.
class DateField final : public QDateEdit
{
public:
    using QDateEdit::QDateEdit;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
};

void DateField::keyPressEvent(QKeyEvent *event)
{
    const bool tab = event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab;
    if (tab && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        event->accept();
        QWidget::focusNextPrevChild(event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier));
        return;
    }
    QDateEdit::keyPressEvent(event);
}

bool DateField::focusNextPrevChild(bool next)
{
    return QWidget::focusNextPrevChild(next);
}

QDateEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new DateField(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setSpecialValueText(QStringLiteral("–"));
    edit->setDate(NoDate);
    return edit;
}

QDate dateOf(const QDateEdit *edit)
{
    return edit->date() == NoDate ? QDate() : edit->date();
}

void setDateOf(QDateEdit *edit, const QDate &date)
{
    edit->setDate(date.isValid() ? date : NoDate);
}

QStringList splitSynonyms(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString term = part.trimmed();
        if (!term.isEmpty() && !out.contains(term, Qt::CaseInsensitive)) {
            out += term;
        }
    }
    return out;
}

} // namespace

ArticleEditor::ArticleEditor(EditorialSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_heading(new QLabel(this)), m_title(new QLineEdit(this)),
      m_synonyms(new QLineEdit(this)), m_questions(new QPlainTextEdit(this)), m_summary(new QPlainTextEdit(this)),
      m_description(new QTextEdit(this)), m_documents(new QListWidget(this)), m_addDocument(new QPushButton(this)),
      m_removeDocument(new QPushButton(this)), m_fees(new QPlainTextEdit(this)), m_processingTime(new QLineEdit(this)),
      m_legalBasis(new QLineEdit(this)), m_office(new QComboBox(this)), m_onlineUrl(new QLineEdit(this)),
      m_category(new QLineEdit(this)), m_validFrom(makeDateEdit(this)), m_validTo(makeDateEdit(this)),
      m_reviewBy(makeDateEdit(this)), m_status(new QLabel(this)), m_submit(new QPushButton(this)),
      m_publish(new QPushButton(this)), m_discard(new QPushButton(this)), m_autosave(new QTimer(this)),
      m_previewTimer(new QTimer(this)), m_previewHost(new QWidget(this))
{
    setObjectName(QStringLiteral("ArticleEditor"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    // Example questions: one per line, as callers put them; the search finds the service by them, agents never
    // see them. Four lines show, more scroll; Tab moves on (a question has no tabs).
    m_questions->setObjectName(QStringLiteral("questions"));
    m_questions->setTabChangesFocus(true);
    m_questions->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_questions->setMaximumHeight(m_questions->fontMetrics().lineSpacing() * 4 + 2 * m_questions->frameWidth() +
                                  2 * qRound(m_questions->document()->documentMargin()) + 2);
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(70);
    // Fee texts are paragraphs and lists (Munich's run to some 750 characters): five lines show, more scroll. Plain
    // text like the summary; blank lines and "– " lines keep the catalogue's paragraphs and lists (richtext.h).
    m_fees->setTabChangesFocus(true);
    m_fees->setMaximumHeight(m_fees->fontMetrics().lineSpacing() * 5 + 2 * m_fees->frameWidth() +
                             2 * qRound(m_fees->document()->documentMargin()) + 2);
    m_description->setAcceptRichText(true);
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(160);
    m_documents->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                 QAbstractItemView::AnyKeyPressed);
    m_documents->setMaximumHeight(120);

    // The formatting toolbar acts on the description's cursor; keyboard users have the usual Ctrl+B / Ctrl+I.
    auto *formatBar = new QHBoxLayout;
    formatBar->setContentsMargins(0, 0, 0, 0);
    const auto mergeFormat = [this](const QTextCharFormat &format) {
        QTextCursor cursor = m_description->textCursor();
        if (!cursor.hasSelection()) {
            cursor.select(QTextCursor::WordUnderCursor);
        }
        cursor.mergeCharFormat(format);
        m_description->mergeCurrentCharFormat(format);
    };
    QToolButton *bold = formatButton(QString(), [this, mergeFormat]() {
        QTextCharFormat f;
        f.setFontWeight(m_description->fontWeight() >= QFont::DemiBold ? QFont::Normal : QFont::Bold);
        mergeFormat(f);
    });
    bold->setShortcut(QKeySequence::Bold);
    QToolButton *italic = formatButton(QString(), [this, mergeFormat]() {
        QTextCharFormat f;
        f.setFontItalic(!m_description->fontItalic());
        mergeFormat(f);
    });
    italic->setShortcut(QKeySequence::Italic);
    const auto makeList = [this](QTextListFormat::Style style) {
        QTextCursor cursor = m_description->textCursor();
        if (QTextList *list = cursor.currentList()) {
            QTextBlockFormat plain;
            plain.setIndent(0);
            list->remove(cursor.block());
            cursor.setBlockFormat(plain);
        } else {
            QTextListFormat format;
            format.setStyle(style);
            cursor.createList(format);
        }
    };
    formatButton(QString(), [makeList]() { makeList(QTextListFormat::ListDisc); });
    formatButton(QString(), [makeList]() { makeList(QTextListFormat::ListDecimal); });
    formatButton(QString(), [this]() {
        QTextCursor cursor = m_description->textCursor();
        QTextBlockFormat block = cursor.blockFormat();
        const bool heading = block.headingLevel() > 0;
        block.setHeadingLevel(heading ? 0 : 1);
        cursor.setBlockFormat(block);
        QTextCursor whole = cursor;
        whole.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat f;
        f.setFontWeight(heading ? QFont::Normal : QFont::Bold);
        whole.mergeCharFormat(f);
        markChanged();
    });
    formatButton(QString(), [this, mergeFormat]() {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Insert link"),
                                                  tr("Web address (https://…), e-mail (mailto:…) or phone (tel:…):"),
                                                  QLineEdit::Normal, QStringLiteral("https://"), &ok)
                                .trimmed();
        if (!ok || url.isEmpty()) {
            return;
        }
        if (!kb::HtmlSanitizer::isAllowedLinkUrl(url)) {
            setStatus(tr("Only https, http, mailto and tel links are allowed."));
            return;
        }
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorHref(url);
        f.setFontUnderline(true);
        QTextCursor cursor = m_description->textCursor();
        if (!cursor.hasSelection()) {
            cursor.insertText(url, f);
        } else {
            mergeFormat(f);
        }
    });
    for (QToolButton *b : std::as_const(m_formatButtons)) {
        formatBar->addWidget(b);
    }
    formatBar->addStretch(1);

    auto *documentButtons = new QHBoxLayout;
    documentButtons->setContentsMargins(0, 0, 0, 0);
    documentButtons->addWidget(m_addDocument);
    documentButtons->addWidget(m_removeDocument);
    documentButtons->addStretch(1);
    connect(m_addDocument, &QPushButton::clicked, this, [this]() {
        auto *item = new QListWidgetItem(tr("New document"), m_documents);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        m_documents->setCurrentItem(item);
        m_documents->editItem(item);
        markChanged();
    });
    connect(m_removeDocument, &QPushButton::clicked, this, [this]() {
        delete m_documents->currentItem();
        markChanged();
    });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Every label has its field as buddy (screen readers read them together; a mnemonic focuses the field, a box
    // around it would take no focus). Mnemonics: the first page of the editing window shows the nine tabs, the list's
    // buttons and this editor at once, more than 26 letters would need, so only the fields leads edit most have one
    // (tests/app/test_editorial.cpp checks them for clashes in German and English); the others are reached by Tab.
    const auto row = [this, form](std::function<QString()> label, QWidget *field, QWidget *buddy = nullptr) {
        auto *l = new QLabel(this);
        l->setBuddy(buddy ? buddy : field);
        m_labels.append({l, std::move(label)});
        form->addRow(l, field);
    };
    auto *descriptionBox = new QWidget(this);
    auto *descriptionLayout = new QVBoxLayout(descriptionBox);
    descriptionLayout->setContentsMargins(0, 0, 0, 0);
    descriptionLayout->addLayout(formatBar);
    descriptionLayout->addWidget(m_description);
    auto *documentsBox = new QWidget(this);
    auto *documentsLayout = new QVBoxLayout(documentsBox);
    documentsLayout->setContentsMargins(0, 0, 0, 0);
    documentsLayout->addWidget(m_documents);
    documentsLayout->addLayout(documentButtons);
    auto *validity = new QHBoxLayout;
    validity->addWidget(m_validFrom);
    validity->addWidget(m_validTo);
    row([]() { return tr("&Title:"); }, m_title);
    row([]() { return tr("Syn&onyms:"); }, m_synonyms);
    row([]() { return tr("Example &questions:"); }, m_questions);
    row([]() { return tr("Su&mmary:"); }, m_summary);
    row([]() { return tr("Des&cription:"); }, descriptionBox, m_description);
    row([]() { return tr("Documents to &bring:"); }, documentsBox, m_documents);
    row([]() { return tr("F&ees:"); }, m_fees);
    row([]() { return tr("Processing time:"); }, m_processingTime);
    row([]() { return tr("Legal basis:"); }, m_legalBasis);
    row([]() { return tr("&Responsible office:"); }, m_office);
    row([]() { return tr("Online service:"); }, m_onlineUrl);
    row([]() { return tr("Category:"); }, m_category);
    auto *validLabel = new QLabel(this);
    validLabel->setBuddy(m_validFrom);
    m_labels.append({validLabel, []() { return tr("Valid from / to:"); }});
    form->addRow(validLabel, validity);
    row([]() { return tr("Review by:"); }, m_reviewBy);

    auto *fields = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->addWidget(m_heading);
    fieldsLayout->addLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *previewLayout = new QVBoxLayout(m_previewHost);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_previewHost);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_publish);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(1200);
    connect(m_autosave, &QTimer::timeout, this, [this]() { saveNow(); });
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(300);
    connect(m_previewTimer, &QTimer::timeout, this, &ArticleEditor::updatePreview);

    for (QLineEdit *edit : {m_title, m_synonyms, m_processingTime, m_legalBasis, m_onlineUrl, m_category}) {
        connect(edit, &QLineEdit::textEdited, this, &ArticleEditor::markChanged);
    }
    connect(m_questions, &QPlainTextEdit::textChanged, this, &ArticleEditor::markChanged);
    connect(m_summary, &QPlainTextEdit::textChanged, this, &ArticleEditor::markChanged);
    connect(m_fees, &QPlainTextEdit::textChanged, this, &ArticleEditor::markChanged);
    connect(m_description, &QTextEdit::textChanged, this, &ArticleEditor::markChanged);
    connect(m_documents->model(), &QAbstractItemModel::dataChanged, this, &ArticleEditor::markChanged);
    connect(m_office, &QComboBox::activated, this, &ArticleEditor::markChanged);
    for (QDateEdit *edit : {m_validFrom, m_validTo, m_reviewBy}) {
        connect(edit, &QDateEdit::dateChanged, this, &ArticleEditor::markChanged);
    }
    connect(m_submit, &QPushButton::clicked, this, [this]() { submitForReview(); });
    connect(m_publish, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString note = QInputDialog::getText(
            this, tr("Publish"), tr("Change note (what changed, for the history):"), QLineEdit::Normal, QString(), &ok);
        if (ok) {
            publish(note);
        }
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() { discardDraft(); });

    retranslateUi();
    updateButtons();
}

ArticleEditor::~ArticleEditor() = default;

QToolButton *ArticleEditor::formatButton(const QString &text, const std::function<void()> &apply)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, [this, apply]() {
        apply();
        m_description->setFocus(Qt::OtherFocusReason);
    });
    m_formatButtons.append(button);
    return button;
}

void ArticleEditor::retranslateUi()
{
    for (const auto &[label, text] : std::as_const(m_labels)) {
        label->setText(text());
    }
    const QStringList formatTexts = {tr("B"), tr("I"), tr("• List"), tr("1. List"), tr("Heading"), tr("Link…")};
    const QStringList formatNames = {tr("Bold"),          tr("Italic"),  tr("Bulleted list"),
                                     tr("Numbered list"), tr("Heading"), tr("Insert link")};
    const QStringList formatDescriptions = {tr("Bold text (Ctrl+B)"),
                                            tr("Italic text (Ctrl+I)"),
                                            tr("Turn the paragraph into a bulleted list item, or back"),
                                            tr("Turn the paragraph into a numbered list item, or back"),
                                            tr("Turn the paragraph into a section heading, or back"),
                                            tr("Link the selected text to a web address, e-mail or phone number")};
    for (int i = 0; i < m_formatButtons.size(); ++i) {
        m_formatButtons[i]->setText(formatTexts.value(i));
        m_formatButtons[i]->setToolTip(formatDescriptions.value(i));
        m_formatButtons[i]->setAccessibleName(formatNames.value(i));
        m_formatButtons[i]->setAccessibleDescription(formatDescriptions.value(i));
    }
    m_addDocument->setText(tr("&Add document"));
    m_removeDocument->setText(tr("Remove document"));
    m_submit->setText(tr("Submit for revie&w"));
    m_publish->setText(tr("&Publish"));
    m_discard->setText(tr("Discard draft"));
    m_synonyms->setPlaceholderText(tr("Comma-separated, e.g. Perso, ID card"));
    m_questions->setPlaceholderText(tr("One question per line, in the caller's words, e.g. "
                                       "“I lost my wallet, what now?”"));
    m_onlineUrl->setPlaceholderText(QStringLiteral("https://"));
    m_fees->setPlaceholderText(tr("e.g. 37 euros; a blank line starts a new paragraph, “– ” at the start of lines "
                                  "makes a list"));

    const auto name = [](QWidget *w, const QString &n, const QString &d) {
        w->setAccessibleName(n);
        w->setAccessibleDescription(d);
    };
    name(m_heading, tr("Editing"), tr("Which service is open in the editor"));
    name(m_title, tr("Title"), tr("The service's name as agents search for it"));
    name(m_synonyms, tr("Synonyms"), tr("Other words callers use, separated by commas; they find the service too"));
    name(m_questions, tr("Example questions"),
         tr("How callers ask for this service in their own words, one question per line; the search finds the "
            "service by them, agents do not see them"));
    name(m_summary, tr("Summary"), tr("One or two plain sentences shown first"));
    name(m_description, tr("Description"),
         tr("Rich text: use the buttons above for bold, italic, lists, headings and links"));
    name(m_documents, tr("Documents to bring"), tr("One document per entry; F2 or double-click edits an entry"));
    name(m_addDocument, tr("Add document"), tr("Adds an entry to the documents to bring"));
    name(m_removeDocument, tr("Remove document"), tr("Removes the selected document"));
    name(m_fees, tr("Fees"),
         tr("What the service costs; a blank line starts a new paragraph, lines starting with “– ” form a list"));
    name(m_processingTime, tr("Processing time"), tr("How long the office takes"));
    name(m_legalBasis, tr("Legal basis"), tr("The law or statute"));
    name(m_office, tr("Responsible office"), tr("The office that handles the service"));
    name(m_onlineUrl, tr("Online service"), tr("Web address where citizens apply online"));
    name(m_category, tr("Category"), tr("The group in the category list"));
    name(m_validFrom, tr("Valid from"), tr("First day this text applies; – for no limit"));
    name(m_validTo, tr("Valid to"), tr("Last day this text applies; – for no limit"));
    name(m_reviewBy, tr("Review by"), tr("When a team lead must check the text again"));
    name(m_status, tr("Draft status"), tr("Whether your draft is saved, in review or published"));
    name(m_submit, tr("Submit for review"), tr("Sends your draft to another team lead for approval"));
    name(m_publish, tr("Publish"), tr("Publishes your draft at once (four-eyes review is off)"));
    name(m_discard, tr("Discard draft"), tr("Throws your draft away; the published version stays"));
    if (m_preview) {
        name(m_preview, tr("Preview"), tr("The service exactly as agents will see it"));
    }
    if (m_hasArticle) {
        m_heading->setText(m_baseVersion == 0
                               ? tr("New service")
                               : tr("Editing “%1” (published version %2)").arg(m_loaded.title).arg(m_baseVersion));
    } else {
        m_heading->setText(tr("Choose a service to edit, or create a new one."));
    }
}

void ArticleEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

bool ArticleEditor::editArticle(const QString &id)
{
    kb::Store *store = m_session->store();
    if (m_dirty) {
        saveNow();
    }
    const std::optional<kb::Article> published = store->article(id);
    const std::optional<kb::Draft> draft = store->draft(id, m_session->user().id);
    if (draft) {
        load(draft->content, draft->baseVersion);
        setStatus(draft->state == kb::DraftState::InReview
                      ? tr("Your draft is in review.")
                      : (draft->reviewComment.isEmpty()
                             ? tr("Your draft, last saved %1.")
                                   .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat))
                             : tr("Sent back by %1: %2").arg(draft->reviewerName, draft->reviewComment)));
        return true;
    }
    if (!published) {
        setStatus(tr("The service %1 does not exist.").arg(id));
        return false;
    }
    load(*published, published->version);
    setStatus(tr("Published version %1. Your changes are saved as a draft as you type.").arg(published->version));
    return true;
}

void ArticleEditor::newArticle()
{
    if (m_dirty) {
        saveNow();
    }
    kb::Article article;
    article.id = QStringLiteral("desk-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    article.title = tr("New service");
    article.source = m_session->user().displayName;
    load(article, 0);
    m_dirty = true;
    setStatus(tr("New service: give it a title; it is saved as a draft as you type."));
    m_title->selectAll();
    m_title->setFocus(Qt::OtherFocusReason);
    m_autosave->start();
}

void ArticleEditor::load(const kb::Article &article, int baseVersion)
{
    m_loading = true;
    m_loaded = article;
    m_baseVersion = baseVersion;
    m_hasArticle = true;
    m_dirty = false;
    m_title->setText(article.title);
    m_synonyms->setText(article.keywords.join(QStringLiteral(", ")));
    m_questions->setPlainText(article.questions.join(QLatin1Char('\n')));
    m_summary->setPlainText(article.summary);
    m_description->setHtml(kb::HtmlSanitizer::sanitize(article.descriptionHtml));
    m_documents->clear();
    for (const QString &document : article.documents) {
        auto *item = new QListWidgetItem(document, m_documents);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_loadedFeesText = kb::HtmlSanitizer::toPlainText(article.feesHtml).trimmed();
    m_fees->setPlainText(m_loadedFeesText);
    m_processingTime->setText(article.processingTime);
    m_legalBasis->setText(article.legalBasis);
    m_office->clear();
    m_office->addItem(tr("(none)"), QString());
    QString error;
    for (const kb::Office &office : m_session->store()->offices(&error)) {
        m_office->addItem(office.name, office.id);
    }
    m_office->setCurrentIndex(
        article.offices.isEmpty() ? 0 : qMax(0, m_office->findData(article.offices.first().officeId)));
    m_onlineUrl->setText(article.onlineServiceUrl);
    m_category->setText(article.category);
    setDateOf(m_validFrom, article.validFrom);
    setDateOf(m_validTo, article.validTo);
    setDateOf(m_reviewBy, article.reviewBy);
    m_loading = false;
    retranslateUi();
    updateButtons();
    m_previewTimer->start();
}

kb::Article ArticleEditor::content() const
{
    kb::Article a = m_loaded;
    a.title = m_title->text().trimmed();
    a.keywords = splitSynonyms(m_synonyms->text());
    a.questions.clear();
    for (const QString &line : m_questions->toPlainText().split(QLatin1Char('\n'))) {
        const QString question = line.trimmed();
        if (!question.isEmpty()) {
            a.questions += question;
        }
    }
    a.summary = m_summary->toPlainText().trimmed();
    a.descriptionHtml = documentToCatalogueHtml(m_description->document());
    a.documents.clear();
    for (int i = 0; i < m_documents->count(); ++i) {
        const QString text = m_documents->item(i)->text().trimmed();
        if (!text.isEmpty()) {
            a.documents += text;
        }
    }
    // Keep the catalogue's own HTML (bold, links, tables) unless the lead changed the text as it reads.
    const QString fees = m_fees->toPlainText();
    if (fees != m_loadedFeesText) {
        const QString feesHtml = plainTextToCatalogueHtml(fees);
        if (kb::HtmlSanitizer::toPlainText(feesHtml) != m_loadedFeesText) {
            a.feesHtml = feesHtml;
        }
    }
    a.processingTime = m_processingTime->text().trimmed();
    a.legalBasis = m_legalBasis->text().trimmed();
    const QString officeId = m_office->currentData().toString();
    if (officeId.isEmpty()) {
        a.offices.clear();
    } else if (a.offices.isEmpty() || a.offices.first().officeId != officeId) {
        a.offices.removeIf([&](const kb::OfficeLink &link) { return link.officeId == officeId; });
        kb::OfficeLink link;
        link.officeId = officeId;
        a.offices.prepend(link);
    }
    a.onlineServiceUrl = m_onlineUrl->text().trimmed();
    a.category = m_category->text().trimmed();
    a.validFrom = dateOf(m_validFrom);
    a.validTo = dateOf(m_validTo);
    a.reviewBy = dateOf(m_reviewBy);
    return a;
}

void ArticleEditor::markChanged()
{
    if (m_loading || !m_hasArticle) {
        return;
    }
    m_dirty = true;
    m_autosave->start();
    m_previewTimer->start();
    setStatus(tr("Changed: saving…"));
}

bool ArticleEditor::saveNow()
{
    m_autosave->stop();
    if (!m_hasArticle || !m_dirty) {
        return m_hasArticle;
    }
    QString error;
    const kb::EditResult result = m_session->store()->saveDraft(content(), m_baseVersion, &error);
    if (result.isConflict()) {
        m_dirty = false;
        handleConflict(result);
        return false;
    }
    if (!result.ok()) {
        setStatus(tr("Not saved: %1").arg(error));
        return false;
    }
    m_dirty = false;
    setStatus(tr("Draft saved %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    updateButtons();
    Q_EMIT draftSaved(m_loaded.id);
    return true;
}

bool ArticleEditor::submitForReview()
{
    if (!saveNow() && m_dirty) {
        return false;
    }
    QString error;
    if (!m_session->store()->submitDraft(m_loaded.id, &error)) {
        setStatus(tr("Not submitted: %1").arg(error));
        return false;
    }
    setStatus(tr("Submitted for review: another team lead approves it."));
    Q_EMIT submitted(m_loaded.id);
    return true;
}

bool ArticleEditor::publish(const QString &changeNote)
{
    if (m_dirty && !saveNow()) {
        return false;
    }
    if (!m_session->store()->draft(m_loaded.id, m_session->user().id)) {
        // Nothing changed since opening: publish the fields as they are (a draft first).
        m_dirty = true;
        if (!saveNow()) {
            return false;
        }
    }
    QString error;
    const kb::EditResult result =
        m_session->store()->approveDraft(m_loaded.id, m_session->user().id, changeNote, &error);
    if (result.isConflict()) {
        handleConflict(result);
        return false;
    }
    if (!result.ok()) {
        setStatus(tr("Not published: %1").arg(error));
        return false;
    }
    const QString id = m_loaded.id;
    if (const auto article = m_session->store()->article(id)) {
        load(*article, article->version);
    }
    setStatus(tr("Published as version %1: agents find it now.").arg(result.publishedVersion));
    Q_EMIT m_session->catalogueChanged();
    Q_EMIT published(id, result.publishedVersion);
    return true;
}

bool ArticleEditor::discardDraft()
{
    if (!m_hasArticle) {
        return false;
    }
    m_autosave->stop();
    QString error;
    const QString id = m_loaded.id;
    if (m_session->store()->draft(id, m_session->user().id) && !m_session->store()->discardDraft(id, &error)) {
        setStatus(tr("Cannot discard the draft: %1").arg(error));
        return false;
    }
    m_dirty = false;
    if (const auto article = m_session->store()->article(id)) {
        load(*article, article->version);
        setStatus(tr("Draft discarded; this is the published version."));
    } else {
        m_hasArticle = false;
        retranslateUi();
        updateButtons();
        setStatus(tr("Draft discarded."));
    }
    return true;
}

void ArticleEditor::handleConflict(const kb::EditResult &result)
{
    setStatus(tr("Conflict: version %1 was published meanwhile.").arg(result.theirs.version));
    if (m_conflict) {
        m_conflict->deleteLater();
    }
    m_conflict = new ConflictDialog(result.theirs, result.yours, this);
    m_conflict->setAttribute(Qt::WA_DeleteOnClose);
    const kb::Article theirs = result.theirs;
    const kb::Article yours = result.yours;
    connect(m_conflict, &ConflictDialog::chosen, this, [this, theirs, yours](ConflictDialog::Choice choice) {
        QString error;
        switch (choice) {
        case ConflictDialog::TakeTheirs:
            m_session->store()->discardDraft(theirs.id, &error);
            load(theirs, theirs.version);
            setStatus(tr("You continue from the published version %1.").arg(theirs.version));
            break;
        case ConflictDialog::KeepMine:
            load(yours, theirs.version);
            m_dirty = true;
            if (saveNow()) {
                setStatus(tr("Your version is saved as a draft on top of version %1.").arg(theirs.version));
            }
            break;
        case ConflictDialog::MergeByHand:
            load(yours, theirs.version);
            m_dirty = true;
            saveNow();
            setStatus(tr("Merge by hand: the comparison stays open; your draft is now based on version %1.")
                          .arg(theirs.version));
            break;
        }
    });
    m_conflict->open();
    Q_EMIT conflictFound(m_conflict);
}

void ArticleEditor::updateButtons()
{
    const bool lead = m_session->isLead();
    const bool fourEyes = m_session->store()->fourEyes();
    m_submit->setEnabled(lead && m_hasArticle);
    m_publish->setVisible(!fourEyes);
    m_publish->setEnabled(lead && m_hasArticle && !fourEyes);
    m_discard->setEnabled(lead && m_hasArticle);
    setEnabled(lead);
}

void ArticleEditor::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString ArticleEditor::statusText() const
{
    return m_status->text();
}

void ArticleEditor::setAutosaveDelay(int ms)
{
    m_autosave->setInterval(ms);
}

void ArticleEditor::setPreviewEnabled(bool enabled)
{
    m_previewEnabled = enabled;
    m_previewHost->setVisible(enabled);
}

void ArticleEditor::updatePreview()
{
    if (!m_previewEnabled || !m_hasArticle) {
        return;
    }
    if (!m_preview) {
        m_profile = new QWebEngineProfile(this);
        m_preview = new QWebEngineView(m_previewHost);
        m_page = new ArticlePage(m_profile, m_preview);
        m_preview->setPage(m_page);
        m_preview->setContextMenuPolicy(Qt::NoContextMenu);
        m_previewHost->layout()->addWidget(m_preview);
        retranslateUi();
    }
    QString error;
    const QList<kb::Office> offices = m_session->store()->offices(&error);
    m_page->setHtml(renderArticleHtml(content(), offices, ArticleColours::fromPalette(palette()), false),
                    ArticlePage::baseUrl());
}

bool ArticleEditor::hasArticle() const
{
    return m_hasArticle;
}

QString ArticleEditor::articleId() const
{
    return m_hasArticle ? m_loaded.id : QString();
}

int ArticleEditor::baseVersion() const
{
    return m_baseVersion;
}

QLineEdit *ArticleEditor::titleEdit() const
{
    return m_title;
}

QLineEdit *ArticleEditor::synonymsEdit() const
{
    return m_synonyms;
}

QTextEdit *ArticleEditor::descriptionEdit() const
{
    return m_description;
}

QPlainTextEdit *ArticleEditor::questionsEdit() const
{
    return m_questions;
}

QPlainTextEdit *ArticleEditor::summaryEdit() const
{
    return m_summary;
}

QPlainTextEdit *ArticleEditor::feesEdit() const
{
    return m_fees;
}

QListWidget *ArticleEditor::documentsList() const
{
    return m_documents;
}

QComboBox *ArticleEditor::officeCombo() const
{
    return m_office;
}

QPushButton *ArticleEditor::publishButton() const
{
    return m_publish;
}

QPushButton *ArticleEditor::submitButton() const
{
    return m_submit;
}

QWebEngineView *ArticleEditor::previewView() const
{
    return m_preview;
}

ConflictDialog *ArticleEditor::conflictDialog() const
{
    return m_conflict;
}

} // namespace desk
