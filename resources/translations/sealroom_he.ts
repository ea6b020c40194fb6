<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he_IL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>unknown</source>
        <translation>לא ידועה</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>לא מותקנת</translation>
    </message>
    <message>
        <source>About Sealroom</source>
        <translation>אודות Sealroom</translation>
    </message>
    <message>
        <source>Sealroom {version}</source>
        <translation>Sealroom {version}</translation>
    </message>
    <message>
        <source>Keeps confidential creator and brand work in an encrypted local vault, issues watermarked previews per recipient, and traces leaks back to a recipient.</source>
        <translation>שומר עבודה חסויה של יוצרים ומותגים בכספת מקומית מוצפנת, מנפיק תצוגות מקדימות עם סימן מים לכל נמען, ומאתר את הנמען שממנו הגיעה הדלפה.</translation>
    </message>
    <message>
        <source>Licence: {licence} (GNU General Public License, version 3 or later). Free software: you may share and change it under its terms.</source>
        <translation>רישיון: {licence} (הרישיון הציבורי הכללי של GNU, גרסה 3 או מאוחרת יותר). תוכנה חופשית: מותר לשתף ולשנות אותה לפי תנאיו.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ספרייה</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>גרסה</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>ספריות</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>פועל על גבי:</translation>
    </message>
</context>
<context>
    <name>AccessModel</name>
    <message>
        <source> (later)</source>
        <translation> (בהמשך)</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>ללא סוף</translation>
    </message>
    <message>
        <source>{level} ({state}) until {until}</source>
        <translation>{level} ({state}) עד {until}</translation>
    </message>
    <message>
        <source>, through the campaign</source>
        <translation>, דרך הקמפיין</translation>
    </message>
    <message>
        <source>; exception: {reason}</source>
        <translation>; חריגה: {reason}</translation>
    </message>
    <message>
        <source>; under NDA {nda}</source>
        <translation>; במסגרת NDA‏ {nda}</translation>
    </message>
</context>
<context>
    <name>AccessView</name>
    <message>
        <source>Campaigns</source>
        <translation>קמפיינים</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>נכסים</translation>
    </message>
    <message>
        <source>Find a party (Ctrl+F)</source>
        <translation>חיפוש גורם (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show campaigns or assets across</source>
        <translation>הצגת קמפיינים או נכסים לרוחב</translation>
    </message>
    <message>
        <source>Show the assets of one campaign</source>
        <translation>הצגת הנכסים של קמפיין אחד</translation>
    </message>
    <message>
        <source>Campaign filter</source>
        <translation>סינון לפי קמפיין</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>כל הקמפיינים</translation>
    </message>
    <message>
        <source>No campaigns yet, so the assets are shown</source>
        <translation>אין עדיין קמפיינים, ולכן מוצגים הנכסים</translation>
    </message>
    <message>
        <source>Access is granted per campaign or per asset. This vault has no campaign yet; once it has one, the matrix shows campaigns again (switch with the list on the left).</source>
        <translation>גישה ניתנת לפי קמפיין או לפי נכס. בכספת הזו אין עדיין קמפיין; כשיהיה בה אחד, הטבלה תציג שוב קמפיינים (אפשר להחליף ברשימה שמשמאל).</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>ניתנה גישה</translation>
    </message>
    <message>
        <source>through its campaign</source>
        <translation>דרך הקמפיין שלו</translation>
    </message>
    <message>
        <source>exception: no NDA covers it</source>
        <translation>חריגה: אין NDA שמכסה זאת</translation>
    </message>
    <message>
        <source>Select a cell: a person or company and a campaign or asset.

Enter grants access, Delete revokes it.</source>
        <translation>בחרו תא: אדם או חברה, וקמפיין או נכס.

Enter נותן גישה, Delete מבטל אותה.</translation>
    </message>
    <message>
        <source>Grant…</source>
        <translation>מתן גישה…</translation>
    </message>
    <message>
        <source>Grant access to the selected cell (Enter)</source>
        <translation>מתן גישה לתא הנבחר (Enter)</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>ביטול גישה…</translation>
    </message>
    <message>
        <source>Revoke the selected cell&apos;s grant (Delete)</source>
        <translation>ביטול הגישה של התא הנבחר (Delete)</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>ללא קמפיין</translation>
    </message>
    <message>
        <source>none</source>
        <translation>אין</translation>
    </message>
    <message>
        <source>⚠ exception: no NDA in force covers this</source>
        <translation>⚠ חריגה: אין NDA בתוקף שמכסה זאת</translation>
    </message>
    <message>
        <source>Granted {party} {level} access to {target}</source>
        <translation>ניתנה ל־{party} גישת {level} אל {target}</translation>
    </message>
    <message>
        <source> as an exception (no NDA covers it)</source>
        <translation> כחריגה (אין NDA שמכסה זאת)</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation>ביטול גישה</translation>
    </message>
    <message>
        <source>Why does {party} lose access to {target}?</source>
        <translation>מדוע {party} מאבד/ת גישה אל {target}?</translation>
    </message>
    <message>
        <source>Revoked {party}&apos;s access to {target}</source>
        <translation>בוטלה הגישה של {party} אל {target}</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>ללא תאריך סיום</translation>
    </message>
    <message>
        <source>{level}, {state}, until {until}</source>
        <translation>{level}, {state}, עד {until}</translation>
    </message>
    <message>
        <source> (granted on the campaign)</source>
        <translation> (ניתנה על הקמפיין)</translation>
    </message>
    <message>
        <source>
  exception: {reason}</source>
        <translation>
  חריגה: {reason}</translation>
    </message>
    <message>
        <source>
  under NDA {nda}</source>
        <translation>
  במסגרת NDA‏ {nda}</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Edit agreement</source>
        <translation>עריכת הסכם</translation>
    </message>
    <message>
        <source>Record an agreement</source>
        <translation>רישום הסכם</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
    <message>
        <source>e.g. Mutual NDA — Spring Glow 2026</source>
        <translation>לדוגמה: NDA הדדי — Spring Glow 2026</translation>
    </message>
    <message>
        <source>optional; </source>
        <translation>לא חובה; </translation>
    </message>
    <message>
        <source> days</source>
        <translation> ימים</translation>
    </message>
    <message>
        <source>How long confidentiality survives the agreement&apos;s end</source>
        <translation>כמה זמן נמשכת הסודיות אחרי סיום ההסכם</translation>
    </message>
    <message>
        <source>Campaigns it covers; none ticked: all the work with its parties</source>
        <translation>הקמפיינים שהוא מכסה; אם לא סומן אף אחד: כל העבודה עם הצדדים שלו</translation>
    </message>
    <message>
        <source>the signed document (optional), encrypted into the vault</source>
        <translation>המסמך החתום (לא חובה), מוצפן לתוך הכספת</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;סוג</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;כותרת</translation>
    </message>
    <message>
        <source>&amp;Parties</source>
        <translation>&amp;צדדים</translation>
    </message>
    <message>
        <source>&amp;Effective</source>
        <translation>&amp;בתוקף מ־</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>&amp;פג תוקף</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;מצב</translation>
    </message>
    <message>
        <source>Confidential for</source>
        <translation>סודי למשך</translation>
    </message>
    <message>
        <source>S&amp;cope</source>
        <translation>&amp;היקף</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;הערות</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;מסמך</translation>
    </message>
    <message>
        <source>Fixed once recorded; change the status from the agreement</source>
        <translation>קבוע לאחר הרישום; שינוי המצב נעשה מתוך ההסכם</translation>
    </message>
    <message>
        <source>The signed document</source>
        <translation>המסמך החתום</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>Record…</source>
        <translation>רישום…</translation>
    </message>
    <message>
        <source>Record an agreement (Ctrl+N)</source>
        <translation>רישום הסכם (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select an agreement to see its terms.</source>
        <translation>בחרו הסכם כדי לראות את תנאיו.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>עריכה…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>מצב</translation>
    </message>
    <message>
        <source>Move the agreement to its next status</source>
        <translation>העברת ההסכם למצב הבא</translation>
    </message>
    <message>
        <source>Preview document</source>
        <translation>תצוגה מקדימה של המסמך</translation>
    </message>
    <message>
        <source>Decrypt the signed document into memory and show it</source>
        <translation>פענוח המסמך החתום לזיכרון והצגתו</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ייצוא…</translation>
    </message>
    <message>
        <source>Write the decrypted document to a file you choose</source>
        <translation>כתיבת המסמך המפוענח לקובץ לבחירתכם</translation>
    </message>
    <message>
        <source>asset {id}</source>
        <translation>נכס {id}</translation>
    </message>
    <message>
        <source>{platforms} in {territory}, {starts}</source>
        <translation>{platforms} ב־{territory}, {starts}</translation>
    </message>
    <message>
        <source> to {ends}</source>
        <translation> עד {ends}</translation>
    </message>
    <message>
        <source> onwards</source>
        <translation> ואילך</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>ללא פקיעת תוקף</translation>
    </message>
    <message>
        <source>all the work with its parties</source>
        <translation>כל העבודה עם הצדדים שלו</translation>
    </message>
    <message>
        <source>Mark {status}</source>
        <translation>סימון כ־{status}</translation>
    </message>
    <message>
        <source>Terminate agreement</source>
        <translation>סיום הסכם</translation>
    </message>
    <message>
        <source>Why is it terminated?</source>
        <translation>מדוע ההסכם מסתיים?</translation>
    </message>
    <message>
        <source>Decrypting the document…</source>
        <translation>מפענח את המסמך…</translation>
    </message>
    <message>
        <source>Export the decrypted document</source>
        <translation>ייצוא המסמך המפוענח</translation>
    </message>
    <message>
        <source>Exported the decrypted document to {path}</source>
        <translation>המסמך המפוענח יוצא אל {path}</translation>
    </message>
</context>
<context>
    <name>AssetDetail</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>העמוד הקודם (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>העמוד הבא (Page Down)</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}:</translation>
    </message>
    <message>
        <source>Export original…</source>
        <translation>ייצוא המקור…</translation>
    </message>
    <message>
        <source>Write the decrypted original to a file you choose (recorded)</source>
        <translation>כתיבת המקור המפוענח לקובץ לבחירתכם (נרשם ביומן)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>עריכה…</translation>
    </message>
    <message>
        <source>Title, campaign, sensitivity, tags, embargo (Enter)</source>
        <translation>כותרת, קמפיין, רגישות, תגיות, אמברגו (Enter)</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>שחרור…</translation>
    </message>
    <message>
        <source>Lift the embargo now; captions are checked first, secret assets need a second person</source>
        <translation>הסרת האמברגו עכשיו; הכיתובים נבדקים קודם, ונכסים סודיים דורשים אדם נוסף</translation>
    </message>
    <message>
        <source>Select an asset to preview it.</source>
        <translation>בחרו נכס כדי לראות תצוגה מקדימה.</translation>
    </message>
    <message>
        <source>{size} ({bytes} bytes)</source>
        <translation>{size} ({bytes} בתים)</translation>
    </message>
    <message>
        <source>{time} UTC by {name}</source>
        <translation>{time} UTC על ידי {name}</translation>
    </message>
    <message>
        <source>Decrypting preview…</source>
        <translation>מפענח תצוגה מקדימה…</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>עמוד {n} מתוך {total}</translation>
    </message>
    <message>
        <source>Released {time} UTC by {name}</source>
        <translation>שוחרר {time} UTC על ידי {name}</translation>
    </message>
    <message>
        <source>Until {time} (not released yet)</source>
        <translation>עד {time} (טרם שוחרר)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>אין</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Edit asset</source>
        <translation>עריכת נכס</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>ללא קמפיין</translation>
    </message>
    <message>
        <source>comma-separated, e.g. hero, instagram</source>
        <translation>מופרדות בפסיקים, לדוגמה: hero, instagram</translation>
    </message>
    <message>
        <source>Released: a released asset cannot be embargoed again</source>
        <translation>שוחרר: אי אפשר להטיל שוב אמברגו על נכס ששוחרר</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;כותרת</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;קמפיין</translation>
    </message>
    <message>
        <source>&amp;Sensitivity</source>
        <translation>&amp;רגישות</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>&amp;תגיות</translation>
    </message>
    <message>
        <source>&amp;Embargo until</source>
        <translation>&amp;אמברגו עד</translation>
    </message>
</context>
<context>
    <name>AssetsModel</name>
    <message>
        <source>Released</source>
        <translation>שוחרר</translation>
    </message>
</context>
<context>
    <name>AssetsView</name>
    <message>
        <source>Grid</source>
        <translation>רשת</translation>
    </message>
    <message>
        <source>Show thumbnails instead of the table (Ctrl+G)</source>
        <translation>הצגת תמונות ממוזערות במקום הטבלה (Ctrl+G)</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>ייבוא תיקייה…</translation>
    </message>
    <message>
        <source>Import every file in a folder</source>
        <translation>ייבוא כל הקבצים שבתיקייה</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>ייבוא קבצים…</translation>
    </message>
    <message>
        <source>Import files (Ctrl+N)</source>
        <translation>ייבוא קבצים (Ctrl+N)</translation>
    </message>
    <message>
        <source>Share package…</source>
        <translation>חבילת שיתוף…</translation>
    </message>
    <message>
        <source>Issue share packages of the selected assets to one or more recipients</source>
        <translation>הפקת חבילות שיתוף של הנכסים הנבחרים לנמען אחד או יותר</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>טבלה</translation>
    </message>
    <message>
        <source>Export the decrypted original</source>
        <translation>ייצוא המקור המפוענח</translation>
    </message>
    <message>
        <source>Exported the decrypted original to {path}</source>
        <translation>המקור המפוענח יוצא אל {path}</translation>
    </message>
    <message>
        <source>Release asset</source>
        <translation>שחרור נכס</translation>
    </message>
    <message>
        <source>Lift the embargo on “{title}” now? Captions are checked for placeholders and stray @mentions first; a secret asset waits for a second person&apos;s approval.</source>
        <translation>להסיר עכשיו את האמברגו על „{title}”? הכיתובים נבדקים קודם לשומרי מקום ולאזכורי @ מיותרים; נכס סודי ממתין לאישור של אדם נוסף.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>שחרור</translation>
    </message>
    <message>
        <source>Approve release</source>
        <translation>אישור שחרור</translation>
    </message>
    <message>
        <source>{name} asked on {date} to release “{title}”, which is secret. Approve it? The embargo is lifted.</source>
        <translation>{name} ביקש/ה ב־{date} לשחרר את „{title}”, שהוא סודי. לאשר? האמברגו יוסר.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>אישור</translation>
    </message>
    <message>
        <source>Released “{title}”</source>
        <translation>„{title}” שוחרר</translation>
    </message>
    <message>
        <source>Release of “{title}” asked; another owner or manager approves it</source>
        <translation>התבקש שחרור של „{title}”; בעלים או מנהל/ת נוסף/ת צריכים לאשר</translation>
    </message>
    <message>
        <source>Import files into the vault</source>
        <translation>ייבוא קבצים לכספת</translation>
    </message>
    <message>
        <source>Import a folder into the vault</source>
        <translation>ייבוא תיקייה לכספת</translation>
    </message>
    <message>
        <source>An import is already running; wait or cancel it first</source>
        <translation>ייבוא כבר פועל; המתינו לסיומו או בטלו אותו קודם</translation>
    </message>
    <message>
        <source>Some selected rows are not loaded yet: scroll through them, or narrow the search, then delete again</source>
        <translation>חלק מהשורות שנבחרו עדיין לא נטענו: גללו עליהן או צמצמו את החיפוש, ואז מחקו שוב</translation>
    </message>
    <message>
        <source>{n} assets</source>
        <translation>{n} נכסים</translation>
    </message>
    <message>
        <source>Delete assets</source>
        <translation>מחיקת נכסים</translation>
    </message>
    <message>
        <source>Delete {what} from the vault? The encrypted file is removed; the audit log keeps a record of the deletion.</source>
        <translation>למחוק את {what} מהכספת? הקובץ המוצפן יוסר; יומן הביקורת שומר רישום של המחיקה.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>מחיקה</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>מתאריך YYYY-MM-DD</translation>
    </message>
    <message>
        <source>To YYYY-MM-DD</source>
        <translation>עד תאריך YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>אדם</translation>
    </message>
    <message>
        <source>Any person</source>
        <translation>כל אדם</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>פעולה</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>כל פעולה</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>כל תוצאה</translation>
    </message>
    <message>
        <source>Party id</source>
        <translation>מזהה צד</translation>
    </message>
    <message>
        <source>Asset id</source>
        <translation>מזהה נכס</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>החלה</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>ניקוי מסננים</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>{role} on {device}</source>
        <translation>{role} במכשיר {device}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>חיפוש ביומן (Ctrl+F)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>רענון</translation>
    </message>
    <message>
        <source>Show events added since the log was opened (F5)</source>
        <translation>הצגת אירועים שנוספו מאז שהיומן נפתח (F5)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ייצוא…</translation>
    </message>
    <message>
        <source>Write the signed bundle an auditor checks with `sealroom audit verify`</source>
        <translation>כתיבת החבילה החתומה שמבקר בודק בעזרת `sealroom audit verify`</translation>
    </message>
    <message>
        <source>Select an event to see all of it.

Each event is a leaf of a signed Merkle tree: `sealroom verify` proves none was changed or removed.</source>
        <translation>בחרו אירוע כדי לראות אותו במלואו.

כל אירוע הוא עלה בעץ מרקל חתום: `sealroom verify` מוכיח שאף אירוע לא שונה ולא הוסר.</translation>
    </message>
    <message>
        <source>Folder for the audit bundle</source>
        <translation>תיקייה לחבילת הביקורת</translation>
    </message>
    <message>
        <source>Exported {count} events to {folder}</source>
        <translation>יוצאו {count} אירועים אל {folder}</translation>
    </message>
    <message>
        <source>{shown} of {size} events match</source>
        <translation>{shown} מתוך {size} אירועים תואמים</translation>
    </message>
    <message>
        <source>{size} events</source>
        <translation>{size} אירועים</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Working</source>
        <translation>בעבודה</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>עריכת קמפיין</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>קמפיין חדש</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
    <message>
        <source>e.g. Lumen Spring Glow</source>
        <translation>לדוגמה: Lumen Spring Glow</translation>
    </message>
    <message>
        <source>No brand yet</source>
        <translation>עדיין אין מותג</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;שם</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>&amp;מותג</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;השקה</translation>
    </message>
    <message>
        <source>&amp;Influencers</source>
        <translation>&amp;משפיענים</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;הערות</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <source>no launch date</source>
        <translation>אין תאריך השקה</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <source>New…</source>
        <translation>חדש…</translation>
    </message>
    <message>
        <source>New campaign (Ctrl+N)</source>
        <translation>קמפיין חדש (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a campaign to see its details.</source>
        <translation>בחרו קמפיין כדי לראות את פרטיו.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>עריכה…</translation>
    </message>
    <message>
        <source>Edit the selected campaign (Enter)</source>
        <translation>עריכת הקמפיין הנבחר (Enter)</translation>
    </message>
    <message>
        <source>Show its assets</source>
        <translation>הצגת הנכסים שלו</translation>
    </message>
    <message>
        <source>Share package…</source>
        <translation>חבילת שיתוף…</translation>
    </message>
    <message>
        <source>Issue share packages of the campaign&apos;s assets to its brand, influencers or others</source>
        <translation>הפקת חבילות שיתוף של נכסי הקמפיין למותג, למשפיענים או לאחרים</translation>
    </message>
    <message>
        <source>  (ahead: its assets are embargoed until then)</source>
        <translation>  (עתידי: הנכסים שלו תחת אמברגו עד אז)</translation>
    </message>
    <message>
        <source>{time} UTC by {name}</source>
        <translation>{time} UTC על ידי {name}</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>This window is hidden from screenshots and screen recordings.</source>
        <translation>החלון הזה מוסתר מצילומי מסך ומהקלטות מסך.</translation>
    </message>
    <message>
        <source>Windows refused to hide this window from screen capture.</source>
        <translation>Windows סירבה להסתיר את החלון הזה מלכידת מסך.</translation>
    </message>
    <message>
        <source>Could not hide this window from screen capture ({error}).</source>
        <translation>לא ניתן היה להסתיר את החלון הזה מלכידת מסך ({error}).</translation>
    </message>
    <message>
        <source>On Linux a window cannot be hidden from screenshots: anything shown here can be captured, and each preview carries your name and an invisible mark.</source>
        <translation>ב־Linux אי אפשר להסתיר חלון מצילומי מסך: כל מה שמוצג כאן ניתן ללכידה, ובכל תצוגה מקדימה מופיעים שמכם וסימן בלתי נראה.</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Embargoes lifting</source>
        <translation>אמברגו שמוסר</translation>
    </message>
    <message>
        <source>next {embargo_days} days, and overdue ones</source>
        <translation>ב־{embargo_days} הימים הקרובים, וכאלה שאיחרו</translation>
    </message>
    <message>
        <source>No embargo lifts soon.</source>
        <translation>אין אמברגו שמוסר בקרוב.</translation>
    </message>
    <message>
        <source>Waiting for your approval</source>
        <translation>ממתינים לאישורכם</translation>
    </message>
    <message>
        <source>secret assets whose release needs a second person</source>
        <translation>נכסים סודיים ששחרורם דורש אדם נוסף</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>שום דבר לא ממתין לכם.</translation>
    </message>
    <message>
        <source>Exceptions to the access rules</source>
        <translation>חריגות מכללי הגישה</translation>
    </message>
    <message>
        <source>grants without a covering NDA; copies issued by an owner&apos;s override</source>
        <translation>גישות ללא NDA מכסה; עותקים שהונפקו בעקיפה של בעלים</translation>
    </message>
    <message>
        <source>Every grant is covered by an NDA in force; no copy went out by override.</source>
        <translation>כל הגישות מכוסות ב־NDA בתוקף; אף עותק לא יצא בעקיפה.</translation>
    </message>
    <message>
        <source>Agreements ending</source>
        <translation>הסכמים שמסתיימים</translation>
    </message>
    <message>
        <source>agreements and usage rights, next {expiry_days} days</source>
        <translation>הסכמים וזכויות שימוש, ב־{expiry_days} הימים הקרובים</translation>
    </message>
    <message>
        <source>Nothing ends soon.</source>
        <translation>שום דבר לא מסתיים בקרוב.</translation>
    </message>
    <message>
        <source>Failed unlock attempts</source>
        <translation>ניסיונות פתיחה שנכשלו</translation>
    </message>
    <message>
        <source>last {unlock_days} days</source>
        <translation>ב־{unlock_days} הימים האחרונים</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>אין.</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>אירועים פתוחים</translation>
    </message>
    <message>
        <source>leaks being traced</source>
        <translation>דליפות שנמצאות במעקב</translation>
    </message>
    <message>
        <source>No open incidents.</source>
        <translation>אין אירועים פתוחים.</translation>
    </message>
</context>
<context>
    <name>ChainLabel</name>
    <message>
        <source>Signed head: {size} events, root {root}…, checkpoint of {time}</source>
        <translation>ראש חתום: {size} אירועים, שורש {root}…, נקודת ביקורת מ־{time}</translation>
    </message>
    <message>
        <source>No signed checkpoint yet</source>
        <translation>אין עדיין נקודת ביקורת חתומה</translation>
    </message>
    <message>
        <source>{signed} · {size} events now</source>
        <translation>{signed} · {size} אירועים כעת</translation>
    </message>
    <message>
        <source> ({n} since the last checkpoint)</source>
        <translation> ({n} מאז נקודת הביקורת האחרונה)</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Agreement</source>
        <translation>הסכם</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>צדדים</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>מצב</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>פג תוקף</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>כותרת</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>קמפיין</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>רגישות</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>אמברגו</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>גודל</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>זמן (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>מי</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>פעולה</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>פריט</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>פירוט</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>מותג</translation>
    </message>
    <message>
        <source>Influencers</source>
        <translation>משפיענים</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>השקה</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>נכסים</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>When</source>
        <translation>מתי</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>שם</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>ארגון</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>עודכן</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>קוד</translation>
    </message>
    <message>
        <source>Opened (UTC)</source>
        <translation>נפתח (UTC)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>מקור</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>נכס</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>נפתח על ידי</translation>
    </message>
    <message>
        <source>Issued (UTC)</source>
        <translation>הופק (UTC)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>נמען</translation>
    </message>
    <message>
        <source>Window (UTC)</source>
        <translation>חלון (UTC)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>אישור קבלה</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>הונפק</translation>
    </message>
    <message>
        <source>By</source>
        <translation>על ידי</translation>
    </message>
    <message>
        <source>Suspect file</source>
        <translation>קובץ חשוד</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>ממצא</translation>
    </message>
    <message>
        <source>Named</source>
        <translation>זוהה</translation>
    </message>
    <message>
        <source>False match</source>
        <translation>התאמה שגויה</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a vault</source>
        <translation>יצירת כספת</translation>
    </message>
    <message>
        <source>Everything in the vault is encrypted with a key only your password opens. There is no recovery without it: keep it in your password manager.</source>
        <translation>כל מה שבכספת מוצפן במפתח שרק הסיסמה שלכם פותחת. בלעדיה אין שחזור: שמרו אותה במנהל הסיסמאות שלכם.</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>עבודה</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;מיקום</translation>
    </message>
    <message>
        <source>Vault &amp;name</source>
        <translation>&amp;שם הכספת</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>&amp;השם שלך</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;סיסמה</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;אימות סיסמה</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>&amp;יצירת כספת</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>היכן לשמור את הכספת</translation>
    </message>
    <message>
        <source>Choose an existing folder</source>
        <translation>בחרו תיקייה קיימת</translation>
    </message>
    <message>
        <source>Give the vault a name (no slashes)</source>
        <translation>תנו לכספת שם (ללא לוכסנים)</translation>
    </message>
    <message>
        <source>{name} already exists here</source>
        <translation>{name} כבר קיים כאן</translation>
    </message>
    <message>
        <source>Your name is how the audit log records you</source>
        <translation>השם שלך הוא האופן שבו יומן הביקורת רושם אותך</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>שתי הסיסמאות שונות</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>1 day overdue</source>
        <translation>באיחור של יום</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>באיחור של {n} ימים</translation>
    </message>
    <message>
        <source>today</source>
        <translation>היום</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>בעוד יום</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>בעוד {n} ימים</translation>
    </message>
    <message>
        <source>asked {date}</source>
        <translation>התבקש ב־{date}</translation>
    </message>
    <message>
        <source>{name} asked to release this secret asset; a second person approves</source>
        <translation>{name} ביקש/ה לשחרר את הנכס הסודי הזה; אדם נוסף מאשר</translation>
    </message>
    <message>
        <source>launch</source>
        <translation>השקה</translation>
    </message>
    <message>
        <source> · release awaiting approval</source>
        <translation> · שחרור ממתין לאישור</translation>
    </message>
    <message>
        <source>{recipient} ← copy of {asset}</source>
        <translation>{recipient} ← עותק של {asset}</translation>
    </message>
    <message>
        <source>owner override by {name}: {reason} · bypassed: {rules}</source>
        <translation>עקיפה של בעלים על ידי {name}: {reason} · נעקף: {rules}</translation>
    </message>
    <message>
        <source>{user} on {device}</source>
        <translation>{user} במכשיר {device}</translation>
    </message>
    <message>
        <source>opened by {name}</source>
        <translation>נפתח על ידי {name}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Refresh</source>
        <translation>רענון</translation>
    </message>
    <message>
        <source>Recompute what needs attention now (F5)</source>
        <translation>חישוב מחדש של מה שדורש תשומת לב (F5)</translation>
    </message>
    <message>
        <source>as of {time} UTC</source>
        <translation>נכון ל־{time} UTC</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <source>Demo vault</source>
        <translation>כספת הדגמה</translation>
    </message>
    <message>
        <source>Building the demo vault</source>
        <translation>בונה את כספת ההדגמה</translation>
    </message>
    <message>
        <source>A talent agency with its influencers, brands, campaigns, agreements and about forty assets, made once in {folder}. Its password is “{password}”. A secret asset waits for a second person&apos;s approval: lock (Ctrl+L) and sign in as “{user}”, same password, to give it.</source>
        <translation>סוכנות טאלנטים עם המשפיענים, המותגים, הקמפיינים, ההסכמים וכארבעים נכסים שלה, נבנית פעם אחת ב־{folder}. הסיסמה שלה היא „{password}”. נכס סודי ממתין לאישור של אדם נוסף: נעלו (Ctrl+L) והיכנסו בתור „{user}”, עם אותה סיסמה, כדי לאשר.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>מתחיל…</translation>
    </message>
</context>
<context>
    <name>Facts</name>
    <message>
        <source>Who</source>
        <translation>מי</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>גישה</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>פירוט</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>מצב</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>צדדים</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>בתוקף מ־</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>פג תוקף</translation>
    </message>
    <message>
        <source>Confidential until</source>
        <translation>סודי עד</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>היקף</translation>
    </message>
    <message>
        <source>Usage rights</source>
        <translation>זכויות שימוש</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>מסמך</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>מזהה</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>קמפיין</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>רגישות</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>אמברגו</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>תגיות</translation>
    </message>
    <message>
        <source>File</source>
        <translation>קובץ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>גודל</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>גרסה</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>יובא</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>מספר סידורי</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>זמן (UTC)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>תפקיד</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>מכשיר</translation>
    </message>
    <message>
        <source>App</source>
        <translation>יישום</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>פעולה</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>פריט</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>מותג</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>השקה</translation>
    </message>
    <message>
        <source>Influencers</source>
        <translation>משפיענים</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>נכסים</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>הסכמים</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>נוסף</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>דוא״ל</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>ארגון</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>כינוי</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>עודכן</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>נמען</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>חלון</translation>
    </message>
    <message>
        <source>NDA terms accepted</source>
        <translation>תנאי ה־NDA התקבלו</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>הוצפן</translation>
    </message>
    <message>
        <source>NDAs</source>
        <translation>הסכמי סודיות</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>בוטל</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>נכס</translation>
    </message>
    <message>
        <source>Suspects</source>
        <translation>חשודים</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>ציר זמן</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>קוד</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>הונפק</translation>
    </message>
    <message>
        <source>Longest side</source>
        <translation>הצלע הארוכה</translation>
    </message>
    <message>
        <source>Visible mark</source>
        <translation>סימון גלוי</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>ממצא</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>ממצא</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>עמוד</translation>
    </message>
    <message>
        <source>Named</source>
        <translation>זוהה</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>שיתופים</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>מועמדים</translation>
    </message>
    <message>
        <source>Considered</source>
        <translation>נבדקו</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>יישור</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}:</translation>
    </message>
</context>
<context>
    <name>FailedUnlocksView</name>
    <message>
        <source>Refresh</source>
        <translation>רענון</translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation>קריאת הרשימה מחדש (F5)</translation>
    </message>
    <message>
        <source>An attempt made with a wrong password is written beside the vault and enters the signed log at the next unlock. Entries this device did not write are marked unverified.</source>
        <translation>ניסיון שנעשה עם סיסמה שגויה נרשם לצד הכספת ונכנס ליומן החתום בפתיחה הבאה. רשומות שהמכשיר הזה לא כתב מסומנות כלא מאומתות.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Browse…</source>
        <translation>עיון…</translation>
    </message>
</context>
<context>
    <name>FilteredCheckList</name>
    <message>
        <source>Tick all shown</source>
        <translation>סימון כל המוצגים</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>ביטול כל הסימונים</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Grant access</source>
        <translation>מתן גישה</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>מתן גישה</translation>
    </message>
    <message>
        <source>Preview (watermarked copies)</source>
        <translation>תצוגה מקדימה (עותקים עם סימן מים)</translation>
    </message>
    <message>
        <source>Original files</source>
        <translation>קבצי המקור</translation>
    </message>
    <message>
        <source>optional end; </source>
        <translation>סיום לא חובה; </translation>
    </message>
    <message>
        <source>Why this party may see it without an NDA (owners only; recorded as an exception)</source>
        <translation>מדוע הגורם הזה רשאי לראות זאת ללא NDA (לבעלים בלבד; נרשם כחריגה)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>מי</translation>
    </message>
    <message>
        <source>What</source>
        <translation>מה</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;רמה</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;עד</translation>
    </message>
    <message>
        <source>Override &amp;reason</source>
        <translation>&amp;סיבת העקיפה</translation>
    </message>
    <message>
        <source>Grant with override</source>
        <translation>מתן גישה בעקיפה</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{name}: not a regular file</source>
        <translation>{name}: אינו קובץ רגיל</translation>
    </message>
    <message>
        <source>{name}: empty</source>
        <translation>{name}: ריק</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import into the vault</source>
        <translation>ייבוא לכספת</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>ייבוא</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} ועוד {n}</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>ללא קמפיין</translation>
    </message>
    <message>
        <source>optional; empty: the campaign&apos;s launch, if ahead</source>
        <translation>לא חובה; אם ריק: השקת הקמפיין, אם היא עתידית</translation>
    </message>
    <message>
        <source>Files are encrypted into the vault; the originals stay where they are.</source>
        <translation>הקבצים מוצפנים לתוך הכספת; קבצי המקור נשארים במקומם.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>קבצים</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;קמפיין</translation>
    </message>
    <message>
        <source>&amp;Sensitivity</source>
        <translation>&amp;רגישות</translation>
    </message>
    <message>
        <source>&amp;Embargo until</source>
        <translation>&amp;אמברגו עד</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Stop the import (Esc); the file in progress is not kept</source>
        <translation>עצירת הייבוא (Esc); הקובץ שבטיפול לא יישמר</translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation>מחפש קבצים…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>מבטל…</translation>
    </message>
    <message>
        <source>Encrypting {name} ({n} of {total})</source>
        <translation>מצפין את {name} ({n} מתוך {total})</translation>
    </message>
    <message>
        <source>Imported 1 file ({size})</source>
        <translation>יובא קובץ אחד ({size})</translation>
    </message>
    <message>
        <source>Imported {n} files ({size})</source>
        <translation>יובאו {n} קבצים ({size})</translation>
    </message>
    <message>
        <source>; import cancelled</source>
        <translation>; הייבוא בוטל</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> ועוד {n}</translation>
    </message>
    <message>
        <source>; skipped {files}{more}</source>
        <translation>; דולגו {files}{more}</translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <source>trace</source>
        <translation>איתור</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>ידני</translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>Confirm</source>
        <translation>אישור</translation>
    </message>
    <message>
        <source>The leak is confirmed: the case stays open until closed</source>
        <translation>הדליפה אושרה: התיק נשאר פתוח עד לסגירתו</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>דחייה</translation>
    </message>
    <message>
        <source>Not a leak after all (a false alarm)</source>
        <translation>בסופו של דבר לא הייתה דליפה (אזעקת שווא)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Nothing more to do on this case</source>
        <translation>אין עוד מה לעשות בתיק הזה</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>פתיחה מחדש</translation>
    </message>
    <message>
        <source>Open the case again</source>
        <translation>פתיחת התיק שוב</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>אין ראיה</translation>
    </message>
    <message>
        <source>1 in {n} by chance</source>
        <translation>1 ל־{n} במקרה</translation>
    </message>
    <message>
        <source>Select an incident to see its evidence.</source>
        <translation>יש לבחור אירוע כדי לראות את הראיות שלו.</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>הוספת הערה…</translation>
    </message>
    <message>
        <source>Export evidence pack…</source>
        <translation>ייצוא חבילת ראיות…</translation>
    </message>
    <message>
        <source>A PDF: suspect beside the preview, odds, NDA terms, events</source>
        <translation>קובץ PDF: החשוד לצד התצוגה המקדימה, סיכויים, תנאי NDA, אירועים</translation>
    </message>
    <message>
        <source>{party}: score {score}, {odds}</source>
        <translation>{party}: ציון {score}, {odds}</translation>
    </message>
    <message>
        <source>{party} (named)</source>
        <translation>{party} (צוין בשמו)</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>הוספת הערה</translation>
    </message>
    <message>
        <source>Note (only content holders read it):</source>
        <translation>הערה (רק מחזיקי התוכן קוראים אותה):</translation>
    </message>
    <message>
        <source>Folder for the evidence pack</source>
        <translation>תיקייה לחבילת הראיות</translation>
    </message>
    <message>
        <source>Wrote {files}</source>
        <translation>נכתבו {files}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Follow the system</source>
        <translation>לפי המערכת</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Orange status: the agreement has expired.</source>
        <translation>סטטוס בכתום: תוקף ההסכם פג.</translation>
    </message>
    <message>
        <source>Orange date: the asset is still under embargo (release it to lift it).</source>
        <translation>תאריך בכתום: הנכס עדיין תחת אמברגו (שחרור הנכס מסיר אותו).</translation>
    </message>
    <message>
        <source>Orange launch: still ahead, so the assets of the campaign are under embargo.</source>
        <translation>השקה בכתום: עדיין לפנינו, ולכן נכסי הקמפיין תחת אמברגו.</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <source>Sealroom is locked</source>
        <translation>Sealroom נעול</translation>
    </message>
    <message>
        <source>Nothing decrypted is in memory. Unlock to continue.</source>
        <translation>שום דבר מפוענח אינו בזיכרון. פתחו את הנעילה כדי להמשיך.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;פתיחת נעילה…</translation>
    </message>
    <message>
        <source>&amp;Open or create another vault…</source>
        <translation>&amp;פתיחה או יצירה של כספת אחרת…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sealroom</source>
        <translation>Sealroom</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>מסכים</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;חדש…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;מחיקה…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;חיפוש</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;רענון</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;נעילה</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;העדפות…</translation>
    </message>
    <message>
        <source>Go to &amp;sections</source>
        <translation>מעבר ל&amp;מסכים</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;יציאה</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;כספת</translation>
    </message>
    <message>
        <source>&amp;Open or create another vault…</source>
        <translation>&amp;פתיחה או יצירה של כספת אחרת…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;עריכה</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;מעבר</translation>
    </message>
    <message>
        <source>{folder} — Sealroom</source>
        <translation>{folder} — Sealroom</translation>
    </message>
    <message>
        <source>Sealroom — locked</source>
        <translation>Sealroom — נעול</translation>
    </message>
    <message>
        <source>  Locked</source>
        <translation>  נעול</translation>
    </message>
    <message>
        <source>Quit Sealroom</source>
        <translation>יציאה מ־Sealroom</translation>
    </message>
    <message>
        <source>An import is still running. Quit and cancel it? Files not yet imported stay where they are.</source>
        <translation>ייבוא עדיין פועל. לצאת ולבטל אותו? קבצים שטרם יובאו נשארים במקומם.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Something went wrong</source>
        <translation>משהו השתבש</translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>סגירה (Esc)</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Share packages</source>
        <translation>חבילות שיתוף</translation>
    </message>
    <message>
        <source>One encrypted .sealshare file per recipient, signed by this vault, opened only by that recipient inside the window, after accepting the NDA terms. Every preview carries the recipient&apos;s visible mark and invisible fingerprint.</source>
        <translation>קובץ ‎.sealshare מוצפן אחד לכל נמען, חתום בידי הכספת, שרק אותו נמען פותח בתוך החלון, אחרי שקיבל את תנאי ה־NDA. כל תצוגה מקדימה נושאת את הסימן הגלוי של הנמען ואת טביעת האצבע הסמויה.</translation>
    </message>
    <message>
        <source>Filter assets</source>
        <translation>סינון נכסים</translation>
    </message>
    <message>
        <source>Filter recipients</source>
        <translation>סינון נמענים</translation>
    </message>
    <message>
        <source>from</source>
        <translation>מ־</translation>
    </message>
    <message>
        <source>until</source>
        <translation>עד</translation>
    </message>
    <message>
        <source>Seal each package with a generated passphrase (for recipients without an age key)</source>
        <translation>הצפנת כל חבילה בביטוי סיסמה שנוצר (לנמענים ללא מפתח age)</translation>
    </message>
    <message>
        <source>the folder to write the packages and the ledger to</source>
        <translation>התיקייה שאליה ייכתבו החבילות ויומן ההפקה</translation>
    </message>
    <message>
        <source>Check before issuing</source>
        <translation>בדיקה לפני הפקה</translation>
    </message>
    <message>
        <source>Tick assets and recipients to check them.</source>
        <translation>סמנו נכסים ונמענים כדי לבדוק אותם.</translation>
    </message>
    <message>
        <source>Why the refused recipients may have it anyway (owners only; recorded as an exception and shown on the dashboard)</source>
        <translation>מדוע הנמענים שנדחו רשאים לקבל אותה בכל זאת (לבעלים בלבד; נרשם כחריגה ומוצג בלוח הבקרה)</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>&amp;נכסים</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>&amp;נמענים</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;חלון</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;שמירה אל</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>בדיקה</translation>
    </message>
    <message>
        <source>Override &amp;reason</source>
        <translation>&amp;סיבת העקיפה</translation>
    </message>
    <message>
        <source>Passphrases</source>
        <translation>ביטויי סיסמה</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>הפקה</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <source>{name} ({kind}), no age key</source>
        <translation>{name} ({kind}), ללא מפתח age</translation>
    </message>
    <message>
        <source>✗ {name}: refused for {n} of {total} assets</source>
        <translation>✗ {name}: נדחה עבור {n} מתוך {total} נכסים</translation>
    </message>
    <message>
        <source>✓ {name}: under {ndas}</source>
        <translation>✓ {name}: במסגרת {ndas}</translation>
    </message>
    <message>
        <source>✓ {name}: granted; no NDA needed for these assets</source>
        <translation>✓ {name}: יש הרשאה; לנכסים אלה אין צורך ב־NDA</translation>
    </message>
    <message>
        <source>   {name} has no age key: tick the passphrase option or record their key</source>
        <translation>   ל־{name} אין מפתח age: סמנו את האפשרות של ביטוי סיסמה או רשמו את המפתח</translation>
    </message>
    <message>
        <source>{ok} of {n} recipients may receive the package.</source>
        <translation>{ok} מתוך {n} נמענים רשאים לקבל את החבילה.</translation>
    </message>
    <message>
        <source>Issue {n} packages</source>
        <translation>הפקת {n} חבילות</translation>
    </message>
    <message>
        <source>Issue 1 package</source>
        <translation>הפקת חבילה אחת</translation>
    </message>
    <message>
        <source>Write the packages to</source>
        <translation>כתיבת החבילות אל</translation>
    </message>
    <message>
        <source>Tick at least one asset</source>
        <translation>סמנו לפחות נכס אחד</translation>
    </message>
    <message>
        <source>Tick at least one recipient</source>
        <translation>סמנו לפחות נמען אחד</translation>
    </message>
    <message>
        <source>{names}: no age key recorded; tick the passphrase option</source>
        <translation>{names}: לא נרשם מפתח age; סמנו את האפשרות של ביטוי סיסמה</translation>
    </message>
    <message>
        <source>The window must end after it starts</source>
        <translation>החלון חייב להסתיים אחרי שהוא מתחיל</translation>
    </message>
    <message>
        <source>Choose the folder to write the packages to</source>
        <translation>בחרו את התיקייה שאליה ייכתבו החבילות</translation>
    </message>
    <message>
        <source>Issuing…</source>
        <translation>מפיק…</translation>
    </message>
    <message>
        <source>Issued for {done} of {total} recipients…</source>
        <translation>הופקו ל־{done} מתוך {total} נמענים…</translation>
    </message>
    <message>
        <source>{n} packages written</source>
        <translation>נכתבו {n} חבילות</translation>
    </message>
    <message>
        <source>1 package written</source>
        <translation>נכתבה חבילה אחת</translation>
    </message>
    <message>
        <source> to {folder}, with the ledger {ledger}</source>
        <translation> אל {folder}, עם יומן ההפקה {ledger}</translation>
    </message>
    <message>
        <source>; cancelled before the other recipients</source>
        <translation>; בוטל לפני שאר הנמענים</translation>
    </message>
    <message>
        <source>; {n} refused by the outbound rule</source>
        <translation>; {n} נדחו בכלל היציאה</translation>
    </message>
    <message>
        <source>; then {why}</source>
        <translation>; ואז {why}</translation>
    </message>
    <message>
        <source>Give each recipient their passphrase by another channel; it is shown only now.</source>
        <translation>מסרו לכל נמען את ביטוי הסיסמה שלו בערוץ אחר; הוא מוצג רק עכשיו.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Cancelled; nothing was issued.</source>
        <translation>בוטל; לא הופק דבר.</translation>
    </message>
    <message>
        <source>Cancelling after the package being written…</source>
        <translation>מבטל אחרי החבילה שנכתבת כעת…</translation>
    </message>
</context>
<context>
    <name>PackagesModel</name>
    <message>
        <source>{n} assets</source>
        <translation>{n} נכסים</translation>
    </message>
</context>
<context>
    <name>PackagesView</name>
    <message>
        <source>Share package…</source>
        <translation>חבילת שיתוף…</translation>
    </message>
    <message>
        <source>Issue share packages (Ctrl+N)</source>
        <translation>הפקת חבילות שיתוף (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import receipt…</source>
        <translation>ייבוא אישור קבלה…</translation>
    </message>
    <message>
        <source>Record a recipient&apos;s acknowledgement receipt (.sealreceipt)</source>
        <translation>רישום אישור הקבלה של נמען (‎.sealreceipt)</translation>
    </message>
    <message>
        <source>Select a package to see what it holds and whether it was accepted.</source>
        <translation>בחרו חבילה כדי לראות מה היא מכילה ואם התקבלה.</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>ביטול…</translation>
    </message>
    <message>
        <source>Mark the package revoked: the recipient&apos;s later packages tell their viewer to refuse it; its holder stays traceable</source>
        <translation>סימון החבילה כמבוטלת: החבילות הבאות של הנמען מורות למציג שלו לסרב לה; עדיין אפשר להתחקות אחר המחזיק בה</translation>
    </message>
    <message>
        <source>to the recipient&apos;s age key {key}</source>
        <translation>למפתח ה־age של הנמען {key}</translation>
    </message>
    <message>
        <source>with a passphrase given separately</source>
        <translation>בביטוי סיסמה שנמסר בנפרד</translation>
    </message>
    <message>
        <source>Package for {name}</source>
        <translation>חבילה עבור {name}</translation>
    </message>
    <message>
        <source>{time} UTC (receipt imported)</source>
        <translation>{time} UTC (אישור הקבלה יובא)</translation>
    </message>
    <message>
        <source>no receipt yet</source>
        <translation>עדיין אין אישור קבלה</translation>
    </message>
    <message>
        <source>{time} UTC by {name}</source>
        <translation>{time} UTC על ידי {name}</translation>
    </message>
    <message>
        <source>Import a receipt</source>
        <translation>ייבוא אישור קבלה</translation>
    </message>
    <message>
        <source>Sealroom receipts (*.sealreceipt);;All files (*)</source>
        <translation>אישורי קבלה של Sealroom (*.sealreceipt);;כל הקבצים (*)</translation>
    </message>
    <message>
        <source>Recorded: the recipient accepted the NDA terms of package {id} at {time} UTC</source>
        <translation>נרשם: הנמען קיבל את תנאי ה־NDA של החבילה {id} ב־{time} UTC</translation>
    </message>
    <message>
        <source>Revoke package</source>
        <translation>ביטול חבילה</translation>
    </message>
    <message>
        <source>Why is this package revoked? (kept in the audit log)</source>
        <translation>מדוע החבילה מבוטלת? (נשמר ביומן הביקורת)</translation>
    </message>
    <message>
        <source>Package {id} revoked; the recipient&apos;s next package tells their viewer to refuse it</source>
        <translation>החבילה {id} בוטלה; החבילה הבאה של הנמען תורה למציג שלו לסרב לה</translation>
    </message>
</context>
<context>
    <name>PartiesView</name>
    <message>
        <source>Add…</source>
        <translation>הוספה…</translation>
    </message>
    <message>
        <source>Add a person or company (Ctrl+N)</source>
        <translation>הוספת אדם או חברה (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a person or company to see the details.</source>
        <translation>בחרו אדם או חברה כדי לראות את הפרטים.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>עריכה…</translation>
    </message>
    <message>
        <source>Edit the selected party (Enter)</source>
        <translation>עריכת הגורם הנבחר (Enter)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>מחיקה…</translation>
    </message>
    <message>
        <source>Delete the selected party (Delete); its records stay</source>
        <translation>מחיקת הגורם הנבחר (Delete); הרשומות שלו נשמרות</translation>
    </message>
    <message>
        <source>{time} UTC</source>
        <translation>{time} UTC</translation>
    </message>
    <message>
        <source>Delete party</source>
        <translation>מחיקת גורם</translation>
    </message>
    <message>
        <source>Why is {name} deleted? Their agreements and past grants stay on record; their active grants are revoked.</source>
        <translation>מדוע {name} נמחק/ת? ההסכמים והגישות הקודמות נשארים ברישום; הגישות הפעילות מבוטלות.</translation>
    </message>
    <message>
        <source>Deleted {name}; their active grants were revoked</source>
        <translation>{name} נמחק/ה; הגישות הפעילות בוטלו</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Edit party</source>
        <translation>עריכת גורם</translation>
    </message>
    <message>
        <source>Add a person or company</source>
        <translation>הוספת אדם או חברה</translation>
    </message>
    <message>
        <source>e.g. Lumen Cosmetics or Ana Duarte</source>
        <translation>לדוגמה: Lumen Cosmetics או Ana Duarte</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (לא חובה)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>לא חובה</translation>
    </message>
    <message>
        <source>@handle on social media (optional)</source>
        <translation>‎@כינוי ברשתות החברתיות (לא חובה)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;שם</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;סוג</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;דוא״ל</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;ארגון</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;כינוי</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Removing {name} and rotating the vault&apos;s keys…</source>
        <translation>מסיר את {name} ומחליף את מפתחות הכספת…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>אנשים</translation>
    </message>
    <message>
        <source>People who can unlock this vault</source>
        <translation>אנשים שיכולים לפתוח את הכספת הזו</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>שם</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>תפקיד</translation>
    </message>
    <message>
        <source>May</source>
        <translation>רשאי/ת</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;הוספת אדם…</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>&amp;סיסמה חדשה…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>ה&amp;סרה…</translation>
    </message>
    <message>
        <source>Remove the person and rotate every key they held</source>
        <translation>הסרת האדם והחלפת כל מפתח שהיה בידיו</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (אתם)</translation>
    </message>
    <message>
        <source>Added {name} as {role}.</source>
        <translation>{name} נוסף/ה בתפקיד {role}.</translation>
    </message>
    <message>
        <source>{name} has a new password.</source>
        <translation>ל־{name} יש סיסמה חדשה.</translation>
    </message>
    <message>
        <source>Remove a person</source>
        <translation>הסרת אדם</translation>
    </message>
    <message>
        <source>Remove {name} from this vault?

Every key {name} held is rotated: the vault is re-encrypted under new keys and everyone else&apos;s key slot is renewed, so a copy of the old keys opens nothing written from now on. This takes a moment.</source>
        <translation>להסיר את {name} מהכספת הזו?

כל מפתח שהיה בידי {name} יוחלף: הכספת תוצפן מחדש במפתחות חדשים וחריצי המפתח של כל השאר יחודשו, כך שעותק של המפתחות הישנים לא יפתח שום דבר שייכתב מעכשיו. הפעולה אורכת רגע.</translation>
    </message>
    <message>
        <source>Remove and rotate keys</source>
        <translation>הסרה והחלפת מפתחות</translation>
    </message>
    <message>
        <source>Removed {name}. The vault&apos;s keys were rotated: everything is encrypted under new keys, and the old ones open nothing written from now on.</source>
        <translation>{name} הוסר/ה. מפתחות הכספת הוחלפו: הכול מוצפן במפתחות חדשים, והישנים לא יפתחו שום דבר שייכתב מעכשיו.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>סיסמה חדשה עבור {name}</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>הוספת אדם</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>קביעת סיסמה</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
    <message>
        <source>how the audit log names them, e.g. mira</source>
        <translation>השם שבו יומן הביקורת יקרא להם, לדוגמה mira</translation>
    </message>
    <message>
        <source>{role}: {note}</source>
        <translation>{role}: {note}</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;שם</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;תפקיד</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;סיסמה</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;חזרה על הסיסמה</translation>
    </message>
    <message>
        <source>Deriving the key from the password takes a second or so; tell them the password in person, never in the same message as the vault.</source>
        <translation>גזירת המפתח מהסיסמה אורכת כשנייה; מסרו להם את הסיסמה פנים אל פנים, לעולם לא באותה הודעה עם הכספת.</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>שתי הסיסמאות שונות</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>לפי המערכת</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>בהיר</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>כהה</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>העדפות</translation>
    </message>
    <message>
        <source> min</source>
        <translation> דק׳</translation>
    </message>
    <message>
        <source>Lock the vault after this long without keyboard or mouse use</source>
        <translation>נעילת הכספת אחרי זמן כזה ללא שימוש במקלדת או בעכבר</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Sealroom starts.</source>
        <translation>שפה חדשה תיכנס לתוקף בהפעלה הבאה של Sealroom.</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;נעילה אחרי חוסר פעילות של:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;ערכת נושא:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;שפה:</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>A still from the file; no playback here</source>
        <translation>תמונת סטילס מהקובץ; אין כאן ניגון</translation>
    </message>
    <message>
        <source>No preview for {type} files</source>
        <translation>אין תצוגה מקדימה לקובצי {type}</translation>
    </message>
    <message>
        <source>This image could not be decoded</source>
        <translation>לא ניתן לפענח את התמונה הזו</translation>
    </message>
    <message>
        <source>This PDF could not be shown: {error}</source>
        <translation>לא ניתן להציג את קובץ ה-PDF הזה: {error}</translation>
    </message>
    <message>
        <source>No preview for {name}; export it to read it</source>
        <translation>אין תצוגה מקדימה ל־{name}; ייצאו אותו כדי לקרוא</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Previous</source>
        <translation>הקודם</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>הבא</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>התאמה לחלון</translation>
    </message>
    <message>
        <source>Export receipt…</source>
        <translation>ייצוא אישור קבלה…</translation>
    </message>
    <message>
        <source>Marked for {name}. Previews cannot be saved, copied or printed. </source>
        <translation>מסומן עבור {name}. אי אפשר לשמור, להעתיק או להדפיס את התצוגות המקדימות. </translation>
    </message>
    <message>
        <source>{title} — page {n} of {total}</source>
        <translation>{title} — עמוד {n} מתוך {total}</translation>
    </message>
    <message>
        <source>This preview cannot be shown.</source>
        <translation>אי אפשר להציג את התצוגה המקדימה הזו.</translation>
    </message>
</context>
<context>
    <name>RefusedPage</name>
    <message>
        <source>This package cannot be opened</source>
        <translation>אי אפשר לפתוח את החבילה הזו</translation>
    </message>
    <message>
        <source>Nothing of it was shown or kept on this computer. If you still need it, ask the sender for a new package.</source>
        <translation>דבר ממנה לא הוצג ולא נשמר במחשב הזה. אם עדיין צריך אותה, יש לבקש מהשולח חבילה חדשה.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>works with contracts and assets</source>
        <translation>עובד/ת עם חוזים ונכסים</translation>
    </message>
    <message>
        <source>also manages who can unlock the vault</source>
        <translation>גם מנהל/ת מי יכול לפתוח את הכספת</translation>
    </message>
    <message>
        <source>reads the audit log only, never contracts or assets</source>
        <translation>קורא/ת את יומן הביקורת בלבד, לעולם לא חוזים או נכסים</translation>
    </message>
</context>
<context>
    <name>SealroomApp</name>
    <message>
        <source>The demo vault&apos;s password is “{password}”.</source>
        <translation>הסיסמה של כספת ההדגמה היא „{password}”.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Access</source>
        <translation>גישה</translation>
    </message>
    <message>
        <source>Nobody to show yet.

Add people and companies and a campaign or an asset, then grant access here.</source>
        <translation>עדיין אין מה להציג.

הוסיפו אנשים וחברות וקמפיין או נכס, ואז תנו כאן גישה.</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>הסכמים</translation>
    </message>
    <message>
        <source>Record an agreement…</source>
        <translation>רישום הסכם…</translation>
    </message>
    <message>
        <source>No agreements yet.

Record NDAs, sponsorships, licences and talent agreements (Ctrl+N). A signed NDA in force is what lets a party see confidential work.</source>
        <translation>עדיין אין הסכמים.

רשמו הסכמי NDA, חסויות, רישיונות והסכמי טאלנט (Ctrl+N). NDA חתום ובתוקף הוא מה שמאפשר לגורם לראות עבודה סודית.</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>נכסים</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>ייבוא קבצים…</translation>
    </message>
    <message>
        <source>No assets yet.

Drop files or folders here, or press Ctrl+N to import.
They are encrypted into the vault; the originals stay where they are.</source>
        <translation>עדיין אין נכסים.

גררו לכאן קבצים או תיקיות, או הקישו Ctrl+N כדי לייבא.
הם מוצפנים לתוך הכספת; המקורות נשארים במקומם.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>יומן ביקורת</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>יומן הביקורת ריק.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>קמפיינים</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>קמפיין חדש…</translation>
    </message>
    <message>
        <source>No campaigns yet.

A campaign groups a brand&apos;s launch, its influencers, assets and agreements; its launch date is the embargo of its assets (Ctrl+N).</source>
        <translation>עדיין אין קמפיינים.

קמפיין מקבץ השקה של מותג, את המשפיענים, הנכסים וההסכמים שלה; תאריך ההשקה הוא האמברגו של הנכסים שלו (Ctrl+N).</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>לוח בקרה</translation>
    </message>
    <message>
        <source>People &amp; companies</source>
        <translation>אנשים וחברות</translation>
    </message>
    <message>
        <source>Add a person or company…</source>
        <translation>הוספת אדם או חברה…</translation>
    </message>
    <message>
        <source>No people or companies yet.

Add the brands, creators, agencies and press you work with (Ctrl+N); agreements, grants and shares name them.</source>
        <translation>עדיין אין אנשים או חברות.

הוסיפו את המותגים, היוצרים, הסוכנויות והעיתונאים שאתם עובדים איתם (Ctrl+N); הסכמים, גישות ושיתופים מציינים אותם.</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>עדיין אין כאן כלום.</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>עבודה</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>הגנה</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>ביקורת</translation>
    </message>
    <message>
        <source>What needs attention: embargoes, expiring grants, recent shares.</source>
        <translation>מה דורש תשומת לב: אמברגו, גישות שפגות, שיתופים אחרונים.</translation>
    </message>
    <message>
        <source>Campaigns with their brand, dates and embargo.</source>
        <translation>קמפיינים עם המותג, התאריכים והאמברגו שלהם.</translation>
    </message>
    <message>
        <source>Files kept encrypted in the vault.</source>
        <translation>קבצים שנשמרים מוצפנים בכספת.</translation>
    </message>
    <message>
        <source>Contracts and NDAs with their parties and terms.</source>
        <translation>חוזים והסכמי NDA עם הצדדים והתנאים שלהם.</translation>
    </message>
    <message>
        <source>Brands, influencers, agencies and press.</source>
        <translation>מותגים, משפיענים, סוכנויות ועיתונות.</translation>
    </message>
    <message>
        <source>Who may see which asset or campaign, and until when.</source>
        <translation>מי רשאי לראות איזה נכס או קמפיין, ועד מתי.</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>שיתופים</translation>
    </message>
    <message>
        <source>Watermarked previews issued to partners.</source>
        <translation>תצוגות מקדימות עם סימן מים שהונפקו לשותפים.</translation>
    </message>
    <message>
        <source>Encrypted, signed packages for partners: window, NDA, receipts.</source>
        <translation>חבילות מוצפנות וחתומות לשותפים: חלון, NDA, אישורי קבלה.</translation>
    </message>
    <message>
        <source>Leak tracing</source>
        <translation>איתור דליפות</translation>
    </message>
    <message>
        <source>Find which recipient a leaked file came from.</source>
        <translation>מציאת הנמען שממנו הגיע קובץ שדלף.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>אירועי דליפה</translation>
    </message>
    <message>
        <source>No incidents.

Trace a leaked file on the Leak tracing screen and open an incident from the result, or run `sealroom incident open`.</source>
        <translation>אין אירועים.

יש לאתר קובץ שדלף במסך איתור הדליפות ולפתוח אירוע מהתוצאה, או להריץ `sealroom incident open`.</translation>
    </message>
    <message>
        <source>Leak cases: evidence, status, notes and the evidence pack.</source>
        <translation>תיקי דליפה: ראיות, מצב, הערות וחבילת הראיות.</translation>
    </message>
    <message>
        <source>Every action, in a tamper-evident log.</source>
        <translation>כל פעולה, ביומן שחושף שינויים.</translation>
    </message>
    <message>
        <source>Failed unlocks</source>
        <translation>ניסיונות פתיחה שנכשלו</translation>
    </message>
    <message>
        <source>No failed unlock attempt is recorded.</source>
        <translation>לא נרשם אף ניסיון פתיחה שנכשל.</translation>
    </message>
    <message>
        <source>Unlock attempts made with a wrong password.</source>
        <translation>ניסיונות פתיחה בסיסמה שגויה.</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>אימות</translation>
    </message>
    <message>
        <source>Check the log&apos;s Merkle tree and signed checkpoints.</source>
        <translation>בדיקת עץ מרקל של היומן ונקודות הביקורת החתומות.</translation>
    </message>
    <message>
        <source>Share a watermarked preview…</source>
        <translation>שיתוף תצוגה מקדימה עם סימן מים…</translation>
    </message>
    <message>
        <source>No shares yet.

A share is a preview of an asset made for one recipient: a visible mark and an invisible fingerprint that Leak tracing reads back (Ctrl+N).</source>
        <translation>עדיין אין שיתופים.

שיתוף הוא תצוגה מקדימה של נכס שנוצרה לנמען אחד: סימון גלוי וטביעת אצבע סמויה שאיתור הדליפות קורא בחזרה (Ctrl+N).</translation>
    </message>
    <message>
        <source>Trace suspect files…</source>
        <translation>איתור קבצים חשודים…</translation>
    </message>
    <message>
        <source>Drop a leaked image, screenshot or PDF here, or press Ctrl+N.

Sealroom finds which asset it shows and tests the fingerprint of every share of it.</source>
        <translation>גררו לכאן תמונה, צילום מסך או PDF שדלפו, או הקישו Ctrl+N.

Sealroom מוצא איזה נכס מוצג בהם ובודק את טביעת האצבע של כל שיתוף שלו.</translation>
    </message>
    <message>
        <source>Share packages</source>
        <translation>חבילות שיתוף</translation>
    </message>
    <message>
        <source>Issue share packages…</source>
        <translation>הפקת חבילות שיתוף…</translation>
    </message>
    <message>
        <source>No share packages yet.

A share package is one encrypted file per recipient with their marked previews and the NDA terms they accept before the first one (Ctrl+N). Assets and Campaigns have a Share package… button too.</source>
        <translation>עדיין אין חבילות שיתוף.

חבילת שיתוף היא קובץ מוצפן אחד לכל נמען, עם התצוגות המקדימות המסומנות שלו ותנאי ה־NDA שהוא מקבל לפני הראשונה (Ctrl+N). גם במסכי הנכסים והקמפיינים יש כפתור חבילת שיתוף….</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share a watermarked preview</source>
        <translation>שיתוף תצוגה מקדימה עם סימן מים</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>יצירה</translation>
    </message>
    <message>
        <source> px</source>
        <translation> פיקסלים</translation>
    </message>
    <message>
        <source>Longest side of the preview; smaller leaks less</source>
        <translation>הצלע הארוכה של התצוגה המקדימה; קטן יותר מדליף פחות</translation>
    </message>
    <message>
        <source>Visible mark (recipient, date, share code) tiled over it</source>
        <translation>סימון גלוי (נמען, תאריך, קוד שיתוף) פרוס על פניה</translation>
    </message>
    <message>
        <source>Only an owner can share a preview without the visible mark</source>
        <translation>רק בעלים יכולים לשתף תצוגה מקדימה ללא הסימון הגלוי</translation>
    </message>
    <message>
        <source>Why this recipient may have it although the rule refuses (owners only; recorded as an exception and shown on the dashboard)</source>
        <translation>מדוע הנמען הזה רשאי לקבל זאת למרות שהכלל מסרב (לבעלים בלבד; נרשם כחריגה ומוצג בלוח הבקרה)</translation>
    </message>
    <message>
        <source>where to write it, e.g. ~/Desktop/preview.png</source>
        <translation>לאן לכתוב אותה, לדוגמה: ~/Desktop/preview.png</translation>
    </message>
    <message>
        <source>&amp;Asset</source>
        <translation>&amp;נכס</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>&amp;נמען</translation>
    </message>
    <message>
        <source>&amp;Longest side</source>
        <translation>&amp;צלע ארוכה</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;שמירה אל</translation>
    </message>
    <message>
        <source>Override &amp;reason</source>
        <translation>&amp;סיבת העקיפה</translation>
    </message>
    <message>
        <source>Save the watermarked preview</source>
        <translation>שמירת התצוגה המקדימה עם סימן המים</translation>
    </message>
    <message>
        <source>preview.png</source>
        <translation>preview.png</translation>
    </message>
    <message>
        <source>Images and PDFs (*.png *.jpg *.pdf)</source>
        <translation>תמונות וקובצי PDF (*.png *.jpg *.pdf)</translation>
    </message>
    <message>
        <source>Create with override</source>
        <translation>יצירה בעקיפה</translation>
    </message>
    <message>
        <source>Choose where to write the preview</source>
        <translation>בחרו לאן לכתוב את התצוגה המקדימה</translation>
    </message>
</context>
<context>
    <name>SharesView</name>
    <message>
        <source>Share…</source>
        <translation>שיתוף…</translation>
    </message>
    <message>
        <source>Share a watermarked preview (Ctrl+N)</source>
        <translation>שיתוף תצוגה מקדימה עם סימן מים (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a share to see it as its recipient got it.</source>
        <translation>בחרו שיתוף כדי לראות אותו כפי שהנמען קיבל אותו.</translation>
    </message>
    <message>
        <source>Show preview</source>
        <translation>הצגת תצוגה מקדימה</translation>
    </message>
    <message>
        <source>Re-create the preview exactly as issued, in memory</source>
        <translation>יצירה מחדש של התצוגה המקדימה בדיוק כפי שהונפקה, בזיכרון</translation>
    </message>
    <message>
        <source>{title} (version {n})</source>
        <translation>{title} (גרסה {n})</translation>
    </message>
    <message>
        <source>{time} UTC by {name}</source>
        <translation>{time} UTC על ידי {name}</translation>
    </message>
    <message>
        <source>{n} px</source>
        <translation>{n} פיקסלים</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>כן</translation>
    </message>
    <message>
        <source>no (fingerprint only)</source>
        <translation>לא (טביעת אצבע בלבד)</translation>
    </message>
    <message>
        <source>Shared preview {code} written to {where}</source>
        <translation>התצוגה המקדימה המשותפת {code} נכתבה אל {where}</translation>
    </message>
    <message>
        <source>Re-creating the watermarked preview…</source>
        <translation>יוצר מחדש את התצוגה המקדימה עם סימן המים…</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Welcome to Sealroom</source>
        <translation>ברוכים הבאים ל־Sealroom</translation>
    </message>
    <message>
        <source>Sealroom keeps contracts, NDAs and embargoed assets encrypted on this computer, records who saw what, and traces leaked copies back to their recipient.</source>
        <translation>Sealroom שומר חוזים, הסכמי NDA ונכסים תחת אמברגו מוצפנים במחשב הזה, רושם מי ראה מה, ומאתר עותקים שדלפו עד לנמען שלהם.</translation>
    </message>
    <message>
        <source>&amp;Create a new vault…</source>
        <translation>&amp;יצירת כספת חדשה…</translation>
    </message>
    <message>
        <source>A new encrypted vault; you choose where it lives</source>
        <translation>כספת מוצפנת חדשה; אתם בוחרים היכן היא נשמרת</translation>
    </message>
    <message>
        <source>&amp;Open an existing vault…</source>
        <translation>&amp;פתיחת כספת קיימת…</translation>
    </message>
    <message>
        <source>A NAME.sealroom folder made with Sealroom</source>
        <translation>תיקיית NAME.sealroom שנוצרה ב־Sealroom</translation>
    </message>
    <message>
        <source>Open the &amp;demo vault</source>
        <translation>פתיחת כספת ה&amp;הדגמה</translation>
    </message>
    <message>
        <source>Sample campaigns, assets and agreements to explore</source>
        <translation>קמפיינים, נכסים והסכמים לדוגמה להתנסות</translation>
    </message>
    <message>
        <source>Open a Sealroom vault (a .sealroom folder)</source>
        <translation>פתיחת כספת Sealroom (תיקיית ‎.sealroom)</translation>
    </message>
    <message>
        <source>{folder} is not a Sealroom vault (it has no {header})</source>
        <translation>{folder} אינה כספת Sealroom (אין בה {header})</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>חיפוש (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search {section}</source>
        <translation>חיפוש ב{section}</translation>
    </message>
</context>
<context>
    <name>Target</name>
    <message>
        <source> · embargoed</source>
        <translation> · תחת אמברגו</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>unexpected failure ({error})</source>
        <translation>כשל לא צפוי ({error})</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Confidentiality terms</source>
        <translation>תנאי סודיות</translation>
    </message>
    <message>
        <source>From {sender} to {recipient}. Open from {start} until {end}.</source>
        <translation>מאת {sender} אל {recipient}. פתוחה מ-{start} עד {end}.</translation>
    </message>
    <message>
        <source>I have read these terms and accept them</source>
        <translation>קראתי את התנאים האלה ואני מקבל/ת אותם</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>דחייה</translation>
    </message>
    <message>
        <source>Accept and view</source>
        <translation>קבלה וצפייה</translation>
    </message>
    <message>
        <source>Sender key {key}: the same key as their earlier packages.</source>
        <translation>מפתח השולח {key}: אותו מפתח כמו בחבילות הקודמות שלו.</translation>
    </message>
    <message>
        <source>Sender key {key}: the first package from this sender on this computer. Compare the key with them by phone or in person.</source>
        <translation>מפתח השולח {key}: החבילה הראשונה מהשולח הזה במחשב הזה. השוו את המפתח איתו בטלפון או פנים אל פנים.</translation>
    </message>
    <message>
        <source>Warning: the sender&apos;s key changed to {key}. This package may not come from them; check with the sender before accepting.</source>
        <translation>אזהרה: מפתח השולח השתנה ל־{key}. ייתכן שהחבילה הזו לא הגיעה ממנו; בדקו עם השולח לפני הקבלה.</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>even or better</source>
        <translation>שקול או טוב יותר</translation>
    </message>
    <message>
        <source>&lt; 1 in a billion</source>
        <translation>פחות מ־1 למיליארד</translation>
    </message>
    <message>
        <source>1 in {n}</source>
        <translation>1 ל־{n}</translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>Likely {name}, not proven</source>
        <translation>כנראה {name}, לא הוכח</translation>
    </message>
    <message>
        <source>{name}: share {id}</source>
        <translation>{name}: שיתוף {id}</translation>
    </message>
    <message>
        <source>{name}: share {code} ({id})</source>
        <translation>{name}: שיתוף {code} ({id})</translation>
    </message>
    <message>
        <source>Issued {date} by {person}</source>
        <translation>הונפק ב־{date} על ידי {person}</translation>
    </message>
    <message>
        <source>In share package {id}</source>
        <translation>בחבילת שיתוף {id}</translation>
    </message>
    <message>
        <source>Revoked {date}</source>
        <translation>בוטל ב־{date}</translation>
    </message>
    <message>
        <source>Grant and NDA not recorded (an older share)</source>
        <translation>הגישה וה־NDA לא נרשמו (שיתוף ישן)</translation>
    </message>
    <message>
        <source>Owner&apos;s override {id}</source>
        <translation>עקיפה של בעלים {id}</translation>
    </message>
    <message>
        <source>Grant {id} ({target})</source>
        <translation>גישה {id} ({target})</translation>
    </message>
    <message>
        <source>Grant {id}</source>
        <translation>גישה {id}</translation>
    </message>
    <message>
        <source>No grant recorded</source>
        <translation>לא נרשמה גישה</translation>
    </message>
    <message>
        <source>NDA {id} ({title})</source>
        <translation>NDA {id} ({title})</translation>
    </message>
    <message>
        <source>NDA {id}</source>
        <translation>NDA {id}</translation>
    </message>
    <message>
        <source>No NDA</source>
        <translation>ללא NDA</translation>
    </message>
    <message>
        <source>No NDA needed</source>
        <translation>לא נדרש NDA</translation>
    </message>
    <message>
        <source>{n} matching points</source>
        <translation>{n} נקודות תואמות</translation>
    </message>
    <message>
        <source>matched by its overall look (no matching points)</source>
        <translation>הותאם לפי מראהו הכללי (ללא נקודות תואמות)</translation>
    </message>
    <message>
        <source>the asset fills {pct} % of the file</source>
        <translation>הנכס ממלא {pct}% מהקובץ</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>משוקף</translation>
    </message>
    <message>
        <source>fine alignment {c} (1 is exact)</source>
        <translation>יישור עדין {c} (1 הוא מדויק)</translation>
    </message>
</context>
<context>
    <name>TracingView</name>
    <message>
        <source>Images and PDFs (*.png *.jpg *.jpeg *.webp *.pdf);;All files (*)</source>
        <translation>תמונות וקובצי PDF (*.png *.jpg *.jpeg *.webp *.pdf);;כל הקבצים (*)</translation>
    </message>
    <message>
        <source>Trace…</source>
        <translation>איתור…</translation>
    </message>
    <message>
        <source>Trace suspect files (Ctrl+N)</source>
        <translation>איתור קבצים חשודים (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a traced file to see the evidence.</source>
        <translation>בחרו קובץ שאותר כדי לראות את הראיות.</translation>
    </message>
    <message>
        <source>Open the asset</source>
        <translation>פתיחת הנכס</translation>
    </message>
    <message>
        <source>Suspect files to trace</source>
        <translation>קבצים חשודים לאיתור</translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation>מאתר…</translation>
    </message>
    <message>
        <source>{name}: score {score}, false-match odds {odds}</source>
        <translation>{name}: ציון {score}, סיכוי להתאמה שגויה {odds}</translation>
    </message>
    <message>
        <source>nobody (no confident match)</source>
        <translation>אף אחד (אין התאמה ודאית)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock vault</source>
        <translation>פתיחת נעילת הכספת</translation>
    </message>
    <message>
        <source>Unlock {name}</source>
        <translation>פתיחת הנעילה של {name}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>סיסמה</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;אדם</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;סיסמה</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;זכירה במחשב הזה</translation>
    </message>
    <message>
        <source>Keeps your password wrapped under a secret in this computer&apos;s keychain, so that this vault unlocks here without typing it</source>
        <translation>שומר את הסיסמה שלך עטופה בסוד שבמחזיק המפתחות של המחשב הזה, כך שהכספת נפתחת כאן בלי להקליד אותה</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;פתיחת נעילה</translation>
    </message>
    <message>
        <source>&amp;Open another vault…</source>
        <translation>&amp;פתיחת כספת אחרת…</translation>
    </message>
    <message>
        <source>Type your password</source>
        <translation>הקלידו את הסיסמה שלכם</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Open {name}</source>
        <translation>פתיחת {name}</translation>
    </message>
    <message>
        <source>six words, separated by hyphens</source>
        <translation>שש מילים, מופרדות במקפים</translation>
    </message>
    <message>
        <source>This package opens with the passphrase its sender gave you separately.</source>
        <translation>החבילה הזו נפתחת בביטוי הסיסמה שהשולח מסר לכם בנפרד.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>ביטוי סיסמה</translation>
    </message>
    <message>
        <source>This package is encrypted to your key. Unlock your identity to open it.</source>
        <translation>החבילה הזו מוצפנת למפתח שלכם. פתחו את הזהות שלכם כדי לפתוח אותה.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>עיון…</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>קובץ זהות</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>סיסמה</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;זכירה במחשב הזה</translation>
    </message>
    <message>
        <source>Keeps your identity wrapped under a secret in this computer&apos;s keychain, so that packages open here without the password</source>
        <translation>שומר את הזהות שלך עטופה בסוד שבמחזיק המפתחות של המחשב הזה, כך שחבילות נפתחות כאן בלי הסיסמה</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>פתיחה</translation>
    </message>
    <message>
        <source>Your identity file</source>
        <translation>קובץ הזהות שלכם</translation>
    </message>
    <message>
        <source>not needed: remembered on this computer</source>
        <translation>לא נדרשת: נזכרת במחשב הזה</translation>
    </message>
</context>
<context>
    <name>Value</name>
    <message>
        <source>brand</source>
        <translation>מותג</translation>
    </message>
    <message>
        <source>influencer</source>
        <translation>משפיען/ית</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>סוכנות</translation>
    </message>
    <message>
        <source>press</source>
        <translation>עיתונות</translation>
    </message>
    <message>
        <source>other</source>
        <translation>אחר</translation>
    </message>
    <message>
        <source>NDA</source>
        <translation>NDA</translation>
    </message>
    <message>
        <source>sponsorship</source>
        <translation>חסות</translation>
    </message>
    <message>
        <source>licence / usage rights</source>
        <translation>רישיון / זכויות שימוש</translation>
    </message>
    <message>
        <source>talent agreement</source>
        <translation>הסכם טאלנט</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>טיוטה</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>נשלח</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>נחתם</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>פג תוקף</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>הסתיים</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>פנימי</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>חסוי</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>סודי</translation>
    </message>
    <message>
        <source>image</source>
        <translation>תמונה</translation>
    </message>
    <message>
        <source>video</source>
        <translation>וידאו</translation>
    </message>
    <message>
        <source>pdf</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>text</source>
        <translation>טקסט</translation>
    </message>
    <message>
        <source>file</source>
        <translation>קובץ</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>נכס</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>קמפיין</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>הסכם</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>תצוגה מקדימה</translation>
    </message>
    <message>
        <source>original</source>
        <translation>מקור</translation>
    </message>
    <message>
        <source>active</source>
        <translation>פעילה</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>מתוזמנת</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>בוטלה</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>הסתיימה</translation>
    </message>
    <message>
        <source>identified</source>
        <translation>זוהה</translation>
    </message>
    <message>
        <source>no confident match</source>
        <translation>אין התאמה ודאית</translation>
    </message>
    <message>
        <source>unknown asset</source>
        <translation>נכס לא ידוע</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>לא קריא</translation>
    </message>
    <message>
        <source>success</source>
        <translation>הצלחה</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>כישלון</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>נדחה</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>בעלים</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>מנהל/ת</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>מבקר/ת</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>תמונה</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>וידאו</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>טקסט</translation>
    </message>
    <message>
        <source>File</source>
        <translation>קובץ</translation>
    </message>
    <message>
        <source>open</source>
        <translation>פתוח</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>אושר</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>נדחה</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>סגור</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>הופקה</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>התקבלה</translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;אנשים…</translation>
    </message>
    <message>
        <source>Who can unlock this vault (owners only)</source>
        <translation>מי יכול לפתוח את הכספת הזו (לבעלים בלבד)</translation>
    </message>
    <message>
        <source>&amp;Verify vault…</source>
        <translation>&amp;אימות הכספת…</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>ייצוא &amp;לוח שנה…</translation>
    </message>
    <message>
        <source>&amp;About Sealroom</source>
        <translation>&amp;אודות Sealroom</translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>ייצוא לוח השנה</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>לוחות שנה (*.ics)</translation>
    </message>
    <message>
        <source>Exported 1 date (embargoes, launches, expiries) to {file}</source>
        <translation>יוצא תאריך אחד (אמברגו, השקות, פקיעות תוקף) אל {file}</translation>
    </message>
    <message>
        <source>Exported {n} dates (embargoes, launches, expiries) to {file}</source>
        <translation>יוצאו {n} תאריכים (אמברגו, השקות, פקיעות תוקף) אל {file}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify vault</source>
        <translation>אימות הכספת</translation>
    </message>
    <message>
        <source>Reads every encrypted page and file and checks the audit log&apos;s tamper-evident chain. The check is recorded in the audit log.</source>
        <translation>קורא כל עמוד וקובץ מוצפנים ובודק את שרשרת יומן הביקורת, החושפת שינויים. הבדיקה נרשמת ביומן הביקורת.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>מתחיל…</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>בעיות שנמצאו</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>מבטל…</translation>
    </message>
    <message>
        <source>{events} audit events, {checkpoints} checkpoints</source>
        <translation>{events} אירועי ביקורת, {checkpoints} נקודות ביקורת</translation>
    </message>
    <message>
        <source>{files} encrypted files, {rest}</source>
        <translation>{files} קבצים מוצפנים, {rest}</translation>
    </message>
    <message>
        <source>The vault is intact: checked {checked}.</source>
        <translation>הכספת שלמה: נבדקו {checked}.</translation>
    </message>
    <message>
        <source>Found 1 problem (checked {checked}). Keep a backup of the vault folder before changing anything.</source>
        <translation>נמצאה בעיה אחת (נבדקו {checked}). שמרו גיבוי של תיקיית הכספת לפני שמשנים משהו.</translation>
    </message>
    <message>
        <source>Found {n} problems (checked {checked}). Keep a backup of the vault folder before changing anything.</source>
        <translation>נמצאו {n} בעיות (נבדקו {checked}). שמרו גיבוי של תיקיית הכספת לפני שמשנים משהו.</translation>
    </message>
    <message>
        <source>Verification cancelled; nothing was recorded.</source>
        <translation>האימות בוטל; שום דבר לא נרשם.</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Recompute the audit log&apos;s Merkle tree from its events and check every signed checkpoint and the chain between them. The check itself is recorded in the log.</source>
        <translation>חישוב מחדש של עץ מרקל של יומן הביקורת מתוך האירועים שלו ובדיקת כל נקודת ביקורת חתומה והשרשרת שביניהן. הבדיקה עצמה נרשמת ביומן.</translation>
    </message>
    <message>
        <source>&amp;Verify the log</source>
        <translation>&amp;אימות היומן</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>תוצאת האימות</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>בודק…</translation>
    </message>
    <message>
        <source>OK: {events} events and {checkpoints} signed checkpoints check out.</source>
        <translation>תקין: {events} אירועים ו־{checkpoints} נקודות ביקורת חתומות נמצאו תקינים.</translation>
    </message>
    <message>
        <source>{n} problems found:</source>
        <translation>נמצאו {n} בעיות:</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>unexpected failure ({error})</source>
        <translation>כשל לא צפוי ({error})</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <source>{name} — Sealroom viewer</source>
        <translation>{name} — מציג Sealroom</translation>
    </message>
    <message>
        <source>Save the receipt for the sender</source>
        <translation>שמירת אישור הקבלה עבור השולח</translation>
    </message>
</context>
<context>
    <name>WhenField</name>
    <message>
        <source>{example}  (a date, or date and time in {zone})</source>
        <translation>{example}  (תאריך, או תאריך ושעה באזור {zone})</translation>
    </message>
    <message>
        <source>A date (2026-03-01), a date and time in this computer&apos;s zone ({zone}), or with a zone: 2026-03-01 09:00 Europe/Paris, 2026-03-01T09:00+01:00</source>
        <translation>תאריך (2026-03-01), תאריך ושעה באזור הזמן של המחשב הזה ({zone}), או עם אזור זמן: 2026-03-01 09:00 Europe/Paris,‏ 2026-03-01T09:00+01:00</translation>
    </message>
</context>
</TS>
