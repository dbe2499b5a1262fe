<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>BriefFiles</name>
    <message>
        <location filename="../briefs.py" line="18"/>
        <source>Untitled brief</source>
        <translation>未命名簡報</translation>
    </message>
    <message>
        <location filename="../briefs.py" line="36"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ChoicesPanel</name>
    <message>
        <location filename="../choices.py" line="30"/>
        <source>One page</source>
        <translation>一頁</translation>
    </message>
    <message>
        <location filename="../choices.py" line="31"/>
        <source>Standard (3–4 pages)</source>
        <translation>標準（3至4頁）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="32"/>
        <source>Extended (6–8 pages)</source>
        <translation>詳盡（6至8頁）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="33"/>
        <source>Key messages, findings and recommendations on a single page</source>
        <translation>要點、調查結果及建議，全在一頁之內</translation>
    </message>
    <message>
        <location filename="../choices.py" line="34"/>
        <source>The usual brief: summary, context, findings, implications and recommendations</source>
        <translation>一般簡報：摘要、背景、調查結果、影響及建議</translation>
    </message>
    <message>
        <location filename="../choices.py" line="36"/>
        <source>Everything, with a contents list, analysis, a timeline and a glossary</source>
        <translation>全部內容，另附目錄、分析、時間線及詞彙表</translation>
    </message>
    <message>
        <location filename="../choices.py" line="40"/>
        <source>The brief in English</source>
        <translation>以英文撰寫的簡報</translation>
    </message>
    <message>
        <location filename="../choices.py" line="41"/>
        <source>The brief in Traditional Chinese for Hong Kong readers: Hong Kong&apos;s official terms and 「」 quotation marks</source>
        <translation>以繁體中文撰寫、供香港讀者閱讀的簡報：採用香港的官方用語及「」引號</translation>
    </message>
    <message>
        <location filename="../choices.py" line="43"/>
        <source>The brief in Simplified Chinese for mainland readers: the mainland&apos;s official terms and “” quotation marks</source>
        <translation>以簡體中文撰寫、供內地讀者閱讀的簡報：採用內地的官方用語及“”引號</translation>
    </message>
    <message>
        <location filename="../choices.py" line="128"/>
        <source>&amp;Themes</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="129"/>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../choices.py" line="133"/>
        <source>&amp;Audience</source>
        <translation>讀者(&amp;A)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="133"/>
        <source>Audience</source>
        <translation>讀者</translation>
    </message>
    <message>
        <location filename="../choices.py" line="134"/>
        <source>Who the brief is for: it sets the template, the emphasis and the recommendations</source>
        <translation>簡報的讀者對象：決定範本、重點及建議</translation>
    </message>
    <message>
        <location filename="../choices.py" line="136"/>
        <source>&amp;Length</source>
        <translation>篇幅(&amp;L)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="136"/>
        <source>Length</source>
        <translation>篇幅</translation>
    </message>
    <message>
        <location filename="../choices.py" line="137"/>
        <source>How long the brief is, and which sections it has</source>
        <translation>簡報的篇幅及所含章節</translation>
    </message>
    <message>
        <location filename="../choices.py" line="138"/>
        <source>Lan&amp;guage</source>
        <translation>語言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="138"/>
        <source>Brief language</source>
        <translation>簡報語言</translation>
    </message>
    <message>
        <location filename="../choices.py" line="139"/>
        <source>The language the brief is written in: its text, headings, dates and the files&apos; language tag</source>
        <translation>簡報所用的語言，包括正文、標題、日期及檔案的語言標籤</translation>
    </message>
    <message>
        <location filename="../choices.py" line="141"/>
        <source>T&amp;itle</source>
        <translation>標題(&amp;I)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="141"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../choices.py" line="142"/>
        <source>The brief&apos;s title; leave it empty to title the brief with its main finding</source>
        <translation>簡報標題；留空則以簡報的主要結論為標題</translation>
    </message>
    <message>
        <location filename="../choices.py" line="143"/>
        <source>A&amp;uthor</source>
        <translation>作者(&amp;U)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="143"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../choices.py" line="144"/>
        <source>Your name, shown under the title (optional)</source>
        <translation>你的姓名，顯示於標題下方（可選填）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="145"/>
        <source>O&amp;rganisation</source>
        <translation>機構(&amp;R)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="146"/>
        <source>Organisation</source>
        <translation>機構</translation>
    </message>
    <message>
        <location filename="../choices.py" line="147"/>
        <source>Your organisation, shown under the title (optional)</source>
        <translation>你的機構，顯示於標題下方（可選填）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="148"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="148"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../choices.py" line="149"/>
        <source>The brief&apos;s date; the app warns when it is long after the facts&apos; date</source>
        <translation>簡報日期；若遠遲於資料日期，程式會提示</translation>
    </message>
    <message>
        <location filename="../choices.py" line="162"/>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="163"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location filename="../choices.py" line="164"/>
        <source>Export to PDF or Word (Ctrl+E)</source>
        <translation>匯出為 PDF 或 Word（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="165"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="166"/>
        <source>Word (DOCX)…</source>
        <translation>Word（DOCX）…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="167"/>
        <source>Both PDF and Word…</source>
        <translation>PDF 及 Word…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="169"/>
        <source>&amp;Customise template for this audience</source>
        <translation>為此讀者自訂範本(&amp;C)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="170"/>
        <source>Copy this audience&apos;s template to your folder and edit it beside the preview</source>
        <translation>將此讀者的範本複製到你的資料夾，並在預覽旁編輯</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../exportctl.py" line="52"/>
        <source>Open file</source>
        <translation>開啟檔案</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="53"/>
        <source>Open the file just exported</source>
        <translation>開啟剛匯出的檔案</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="58"/>
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="59"/>
        <source>Open the folder of the file just exported</source>
        <translation>開啟剛匯出檔案所在的資料夾</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="139"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window.py" line="140"/>
        <source>&amp;Open brief…</source>
        <translation>開啟簡報(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="143"/>
        <source>&amp;Save brief</source>
        <translation>儲存簡報(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window.py" line="144"/>
        <source>Save brief &amp;as…</source>
        <translation>另存簡報(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="146"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="147"/>
        <source>Export &amp;both PDF and Word…</source>
        <translation>同時匯出 PDF 及 Word(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="148"/>
        <source>&amp;Batch export…</source>
        <translation>批次匯出(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="150"/>
        <source>Open last e&amp;xport</source>
        <translation>開啟上次匯出的檔案(&amp;X)</translation>
    </message>
    <message>
        <location filename="../window.py" line="151"/>
        <source>Open last export&apos;s &amp;folder</source>
        <translation>開啟上次匯出的資料夾(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window.py" line="156"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../window.py" line="158"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../window.py" line="168"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../window.py" line="170"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../window.py" line="171"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="172"/>
        <source>&amp;Actual size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../window.py" line="173"/>
        <source>Fit &amp;width</source>
        <translation>符合寬度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../window.py" line="174"/>
        <source>Fit &amp;page</source>
        <translation>符合頁面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../window.py" line="176"/>
        <source>&amp;Next page</source>
        <translation>下一頁(&amp;N)</translation>
    </message>
    <message>
        <location filename="../window.py" line="177"/>
        <source>Pre&amp;vious page</source>
        <translation>上一頁(&amp;V)</translation>
    </message>
    <message>
        <location filename="../window.py" line="181"/>
        <source>&amp;Templates</source>
        <translation>範本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../window.py" line="182"/>
        <source>&amp;Customise template for this audience</source>
        <translation>為此讀者自訂範本(&amp;C)</translation>
    </message>
    <message>
        <location filename="../window.py" line="183"/>
        <source>&amp;New audience…</source>
        <translation>新增讀者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="185"/>
        <source>&amp;Save and check</source>
        <translation>儲存並檢查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window.py" line="186"/>
        <source>&amp;Reset to built-in</source>
        <translation>還原為內置範本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../window.py" line="187"/>
        <source>C&amp;lose the editor</source>
        <translation>關閉編輯器(&amp;L)</translation>
    </message>
    <message>
        <location filename="../window.py" line="189"/>
        <source>&amp;Open templates folder</source>
        <translation>開啟範本資料夾(&amp;O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="190"/>
        <source>Edit your &amp;facts…</source>
        <translation>編輯你的資料(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="192"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../window.py" line="193"/>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../window.py" line="194"/>
        <source>&amp;Template reference</source>
        <translation>範本參考(&amp;T)</translation>
    </message>
    <message>
        <location filename="../window.py" line="196"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../window.py" line="198"/>
        <source>&amp;About briefgen</source>
        <translation>關於 briefgen(&amp;A)</translation>
    </message>
    <message>
        <location filename="../window.py" line="204"/>
        <source>&amp;Language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="12"/>
        <source>Fit width</source>
        <translation>符合寬度</translation>
    </message>
    <message>
        <location filename="../preview.py" line="12"/>
        <source>Fit page</source>
        <translation>符合頁面</translation>
    </message>
    <message>
        <location filename="../preview.py" line="108"/>
        <location filename="../preview.py" line="113"/>
        <source>Zoom</source>
        <translation>縮放</translation>
    </message>
    <message>
        <location filename="../preview.py" line="112"/>
        <source>Preview of the brief</source>
        <translation>簡報預覽</translation>
    </message>
    <message>
        <location filename="../preview.py" line="114"/>
        <source>Zoom: fit the width or the whole page, or a percentage (Ctrl+wheel, Ctrl++, Ctrl+−)</source>
        <translation>縮放：符合寬度或整頁，或按百分比（Ctrl+滾輪、Ctrl++、Ctrl+−）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="116"/>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>上一頁（Ctrl+Page Up）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="117"/>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>下一頁（Ctrl+Page Down）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="122"/>
        <source>Page</source>
        <translation>頁</translation>
    </message>
    <message>
        <location filename="../preview.py" line="123"/>
        <source>The page shown; type a number to go to it</source>
        <translation>目前顯示的頁；輸入頁碼即可前往</translation>
    </message>
    <message>
        <location filename="../preview.py" line="197"/>
        <source>of 1 page</source>
        <translation>共 1 頁</translation>
    </message>
    <message>
        <location filename="../preview.py" line="198"/>
        <source>of {pages} pages</source>
        <translation>共 {pages} 頁</translation>
    </message>
</context>
</TS>
