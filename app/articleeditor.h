#pragma once

#include "article.h"
#include "editorial.h"

#include <functional>

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextEdit;
class QTimer;
class QToolButton;
class QWebEngineProfile;
class QWebEngineView;

namespace desk {

class ArticlePage;
class ConflictDialog;
class EditorialSession;

// A team lead's editor for one article: structured fields, the description as rich text with a small formatting
// toolbar (no HTML knowledge needed), and a live preview rendered exactly as agents see it (renderArticleHtml in an
// ArticlePage). Every change is saved as the lead's draft after a short pause (kb::Store::saveDraft with the
// published version it started from); a conflicting save opens the ConflictDialog. Submit sends the draft to review;
// Publish approves it directly when four-eyes review is off.
class ArticleEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleEditor)

public:
    explicit ArticleEditor(EditorialSession *session, QWidget *parent = nullptr);
    ~ArticleEditor() override;

    // Opens the lead's own draft of `id` if there is one, the published article otherwise. False with a message in
    // the status line if neither exists.
    bool editArticle(const QString &id);
    void newArticle();
    bool hasArticle() const;
    QString articleId() const;
    int baseVersion() const;

    kb::Article content() const;     // what the fields hold now (description sanitised)
    bool saveNow();                  // saves the draft if anything changed; false on refusal or conflict
    bool submitForReview();
    bool publish(const QString &changeNote = QString());
    bool discardDraft();
    void setAutosaveDelay(int ms);
    void setPreviewEnabled(bool enabled); // off in tests that do not look at it (WebEngine is slow to start)

    QString statusText() const;
    QLineEdit *titleEdit() const;
    QLineEdit *synonymsEdit() const;
    QPlainTextEdit *questionsEdit() const;
    QTextEdit *descriptionEdit() const;
    QPlainTextEdit *summaryEdit() const;
    QPlainTextEdit *feesEdit() const;
    QListWidget *documentsList() const;
    QComboBox *officeCombo() const;
    QPushButton *publishButton() const;
    QPushButton *submitButton() const;
    QWebEngineView *previewView() const;
    ConflictDialog *conflictDialog() const;

Q_SIGNALS:
    void draftSaved(const QString &articleId);
    void published(const QString &articleId, int version);
    void submitted(const QString &articleId);
    void conflictFound(desk::ConflictDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load(const kb::Article &article, int baseVersion);
    void markChanged();
    void updatePreview();
    void updateButtons();
    void setStatus(const QString &text);
    void handleConflict(const kb::EditResult &result);
    void retranslateUi();
    QToolButton *formatButton(const QString &text, const std::function<void()> &apply);

    EditorialSession *m_session;
    kb::Article m_loaded;
    QString m_loadedFeesText;
    int m_baseVersion = 0;
    bool m_hasArticle = false;
    bool m_loading = false;
    bool m_dirty = false;
    bool m_previewEnabled = true;

    QLabel *m_heading;
    QLineEdit *m_title;
    QLineEdit *m_synonyms;
    QPlainTextEdit *m_questions;
    QPlainTextEdit *m_summary;
    QTextEdit *m_description;
    QList<QToolButton *> m_formatButtons;
    QListWidget *m_documents;
    QPushButton *m_addDocument;
    QPushButton *m_removeDocument;
    QPlainTextEdit *m_fees;
    QLineEdit *m_processingTime;
    QLineEdit *m_legalBasis;
    QComboBox *m_office;
    QLineEdit *m_onlineUrl;
    QLineEdit *m_category;
    QDateEdit *m_validFrom;
    QDateEdit *m_validTo;
    QDateEdit *m_reviewBy;
    QLabel *m_status;
    QPushButton *m_submit;
    QPushButton *m_publish;
    QPushButton *m_discard;
    QTimer *m_autosave;
    QTimer *m_previewTimer;
    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_preview = nullptr;
    ArticlePage *m_page = nullptr;
    QWidget *m_previewHost;
    QPointer<ConflictDialog> m_conflict;
    QList<std::pair<QLabel *, std::function<QString()>>> m_labels;
};

} // namespace desk
