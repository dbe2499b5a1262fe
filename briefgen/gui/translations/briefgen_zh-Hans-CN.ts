<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BriefFiles</name>
    <message>
        <location filename="../briefs.py" line="18"/>
        <source>Untitled brief</source>
        <translation>未命名简报</translation>
    </message>
    <message>
        <location filename="../briefs.py" line="36"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ChoicesPanel</name>
    <message>
        <location filename="../choices.py" line="30"/>
        <source>One page</source>
        <translation>一页</translation>
    </message>
    <message>
        <location filename="../choices.py" line="31"/>
        <source>Standard (3–4 pages)</source>
        <translation>标准（3至4页）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="32"/>
        <source>Extended (6–8 pages)</source>
        <translation>详尽（6至8页）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="33"/>
        <source>Key messages, findings and recommendations on a single page</source>
        <translation>要点、研究发现和建议，均在一页之内</translation>
    </message>
    <message>
        <location filename="../choices.py" line="34"/>
        <source>The usual brief: summary, context, findings, implications and recommendations</source>
        <translation>常规简报：摘要、背景、研究发现、影响和建议</translation>
    </message>
    <message>
        <location filename="../choices.py" line="36"/>
        <source>Everything, with a contents list, analysis, a timeline and a glossary</source>
        <translation>全部内容，另附目录、分析、时间线和术语表</translation>
    </message>
    <message>
        <location filename="../choices.py" line="40"/>
        <source>The brief in English</source>
        <translation>用英文撰写的简报</translation>
    </message>
    <message>
        <location filename="../choices.py" line="41"/>
        <source>The brief in Traditional Chinese for Hong Kong readers: Hong Kong&apos;s official terms and 「」 quotation marks</source>
        <translation>用繁体中文撰写、供香港读者阅读的简报：采用香港的官方用语和「」引号</translation>
    </message>
    <message>
        <location filename="../choices.py" line="43"/>
        <source>The brief in Simplified Chinese for mainland readers: the mainland&apos;s official terms and “” quotation marks</source>
        <translation>用简体中文撰写、供内地读者阅读的简报：采用内地的官方用语和“”引号</translation>
    </message>
    <message>
        <location filename="../choices.py" line="128"/>
        <source>&amp;Themes</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="129"/>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../choices.py" line="133"/>
        <source>&amp;Audience</source>
        <translation>读者(&amp;A)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="133"/>
        <source>Audience</source>
        <translation>读者</translation>
    </message>
    <message>
        <location filename="../choices.py" line="134"/>
        <source>Who the brief is for: it sets the template, the emphasis and the recommendations</source>
        <translation>简报的读者对象：决定模板、重点和建议</translation>
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
        <translation>简报的篇幅和所含章节</translation>
    </message>
    <message>
        <location filename="../choices.py" line="138"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="138"/>
        <source>Brief language</source>
        <translation>简报语言</translation>
    </message>
    <message>
        <location filename="../choices.py" line="139"/>
        <source>The language the brief is written in: its text, headings, dates and the files&apos; language tag</source>
        <translation>简报使用的语言，包括正文、标题、日期和文件的语言标记</translation>
    </message>
    <message>
        <location filename="../choices.py" line="141"/>
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="141"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../choices.py" line="142"/>
        <source>The brief&apos;s title; leave it empty to title the brief with its main finding</source>
        <translation>简报标题；留空则以简报的主要结论为标题</translation>
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
        <translation>您的姓名，显示在标题下方（选填）</translation>
    </message>
    <message>
        <location filename="../choices.py" line="145"/>
        <source>O&amp;rganisation</source>
        <translation>机构(&amp;R)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="146"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../choices.py" line="147"/>
        <source>Your organisation, shown under the title (optional)</source>
        <translation>您的机构，显示在标题下方（选填）</translation>
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
        <translation>简报日期；如远晚于资料日期，程序会提示</translation>
    </message>
    <message>
        <location filename="../choices.py" line="162"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="163"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../choices.py" line="164"/>
        <source>Export to PDF or Word (Ctrl+E)</source>
        <translation>导出为 PDF 或 Word（Ctrl+E）</translation>
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
        <translation>PDF 和 Word…</translation>
    </message>
    <message>
        <location filename="../choices.py" line="169"/>
        <source>&amp;Customise template for this audience</source>
        <translation>为此读者自定义模板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../choices.py" line="170"/>
        <source>Copy this audience&apos;s template to your folder and edit it beside the preview</source>
        <translation>将此读者的模板复制到您的文件夹，并在预览旁编辑</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../exportctl.py" line="52"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="53"/>
        <source>Open the file just exported</source>
        <translation>打开刚导出的文件</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="58"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../exportctl.py" line="59"/>
        <source>Open the folder of the file just exported</source>
        <translation>打开刚导出文件所在的文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="139"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window.py" line="140"/>
        <source>&amp;Open brief…</source>
        <translation>打开简报(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="143"/>
        <source>&amp;Save brief</source>
        <translation>保存简报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window.py" line="144"/>
        <source>Save brief &amp;as…</source>
        <translation>简报另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="146"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="147"/>
        <source>Export &amp;both PDF and Word…</source>
        <translation>同时导出 PDF 和 Word(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="148"/>
        <source>&amp;Batch export…</source>
        <translation>批量导出(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="150"/>
        <source>Open last e&amp;xport</source>
        <translation>打开上次导出的文件(&amp;X)</translation>
    </message>
    <message>
        <location filename="../window.py" line="151"/>
        <source>Open last export&apos;s &amp;folder</source>
        <translation>打开上次导出的文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window.py" line="156"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../window.py" line="158"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../window.py" line="168"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../window.py" line="170"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../window.py" line="171"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="172"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../window.py" line="173"/>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../window.py" line="174"/>
        <source>Fit &amp;page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../window.py" line="176"/>
        <source>&amp;Next page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <location filename="../window.py" line="177"/>
        <source>Pre&amp;vious page</source>
        <translation>上一页(&amp;V)</translation>
    </message>
    <message>
        <location filename="../window.py" line="181"/>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <location filename="../window.py" line="182"/>
        <source>&amp;Customise template for this audience</source>
        <translation>为此读者自定义模板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../window.py" line="183"/>
        <source>&amp;New audience…</source>
        <translation>新建读者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="185"/>
        <source>&amp;Save and check</source>
        <translation>保存并检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window.py" line="186"/>
        <source>&amp;Reset to built-in</source>
        <translation>恢复为内置模板(&amp;R)</translation>
    </message>
    <message>
        <location filename="../window.py" line="187"/>
        <source>C&amp;lose the editor</source>
        <translation>关闭编辑器(&amp;L)</translation>
    </message>
    <message>
        <location filename="../window.py" line="189"/>
        <source>&amp;Open templates folder</source>
        <translation>打开模板文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="190"/>
        <source>Edit your &amp;facts…</source>
        <translation>编辑您的资料(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="192"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../window.py" line="193"/>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../window.py" line="194"/>
        <source>&amp;Template reference</source>
        <translation>模板参考(&amp;T)</translation>
    </message>
    <message>
        <location filename="../window.py" line="196"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../window.py" line="198"/>
        <source>&amp;About briefgen</source>
        <translation>关于 briefgen(&amp;A)</translation>
    </message>
    <message>
        <location filename="../window.py" line="204"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="12"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../preview.py" line="12"/>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../preview.py" line="108"/>
        <location filename="../preview.py" line="113"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../preview.py" line="112"/>
        <source>Preview of the brief</source>
        <translation>简报预览</translation>
    </message>
    <message>
        <location filename="../preview.py" line="114"/>
        <source>Zoom: fit the width or the whole page, or a percentage (Ctrl+wheel, Ctrl++, Ctrl+−)</source>
        <translation>缩放：适合宽度或整页，或按百分比（Ctrl+滚轮、Ctrl++、Ctrl+−）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="116"/>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>上一页（Ctrl+Page Up）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="117"/>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>下一页（Ctrl+Page Down）</translation>
    </message>
    <message>
        <location filename="../preview.py" line="122"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../preview.py" line="123"/>
        <source>The page shown; type a number to go to it</source>
        <translation>当前显示的页；输入页码即可跳转</translation>
    </message>
    <message>
        <location filename="../preview.py" line="197"/>
        <source>of 1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <location filename="../preview.py" line="198"/>
        <source>of {pages} pages</source>
        <translation>共 {pages} 页</translation>
    </message>
</context>
</TS>
