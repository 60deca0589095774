<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheatSheetController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/cheatsheet_controller.py" line="+71"/>
        <source>&amp;Print Cheat Sheet...</source>
        <translation>打印速查表(&amp;P)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport Cheat Sheet as PDF...</source>
        <translation>将速查表导出为 PDF(&amp;X)...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SellerDesk policy cheat sheet</source>
        <translation>SellerDesk 政策速查表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print cheat sheet</source>
        <translation>打印速查表</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> Language: </source>
        <translation> 语言： </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cheat sheet not saved</source>
        <translation>速查表未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SellerDesk could not write {path}:
{error}</source>
        <translation>SellerDesk 无法写入 {path}：
{error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cheat sheet saved to {path} ({pages} pages)</source>
        <translation>速查表已保存到 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export cheat sheet as PDF</source>
        <translation>将速查表导出为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CheatSheetOptionsDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/cheatsheet_options_dialog.py" line="+21"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bilingual (English + 简体中文)</source>
        <translation>双语（英语 + 简体中文）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export cheat sheet as PDF</source>
        <translation>将速查表导出为 PDF</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US Letter</source>
        <translation>美国信纸 (Letter)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../sellerdesk/gui/models/checklist_model.py" line="+72"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation type="vanished">完成时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{status} {time}</source>
        <translation>{status} {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Return request e-mail imported</source>
        <translation>已导入退货请求邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised automatically by Amazon</source>
        <translation>亚马逊已自动授权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund notice imported</source>
        <translation>已导入退款通知</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recommended by {time}</source>
        <translation>建议在 {time} 前完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline {time}</source>
        <translation>截止时间 {time}</translation>
    </message>
</context>
<context>
    <name>ComposerController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/composer_controller.py" line="+191"/>
        <location line="+88"/>
        <source>Draft saved {time}</source>
        <translation>草稿已于 {time} 保存</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not inserted: no value for {names}.</source>
        <translation>未插入：缺少 {names} 的值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the reply?</source>
        <translation>替换回复内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the text you have written with the template?</source>
        <translation>用模板替换您已写好的内容吗？</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No {wanted} version of this template: inserted {used}.</source>
        <translation>此模板没有{wanted}版本：已插入{used}版本。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the buyer&apos;s name, e.g. as in Seller Central</source>
        <translation>买家姓名，例如卖家平台中显示的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Amazon order id, 123-1234567-1234567</source>
        <translation>亚马逊订单编号，如 123-1234567-1234567</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item&apos;s title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item&apos;s ASIN</source>
        <translation>商品的 ASIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Amazon store, e.g. Amazon.de</source>
        <translation>亚马逊站点，例如 Amazon.de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your shop&apos;s name (remembered)</source>
        <translation>您的店铺名称（会被记住）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the carrier, e.g. DHL</source>
        <translation>承运商，例如 DHL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the carrier&apos;s tracking number</source>
        <translation>承运商的追踪编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the expected delivery date</source>
        <translation>预计送达日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the amount refunded, e.g. EUR 24.99</source>
        <translation>退款金额，例如 EUR 24.99</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what you need from the buyer</source>
        <translation>您需要买家提供的信息</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no reply text yet.</source>
        <translation>还没有回复内容。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copied. Paste it in Seller Central, then use Mark as Sent.</source>
        <translation>已复制。请粘贴到卖家平台发送，然后使用“标记为已发送”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save reply as e-mail</source>
        <translation>将回复保存为邮件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail (*.eml)</source>
        <translation>邮件文件 (*.eml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reply was not saved</source>
        <translation>回复未保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {name}. Send it from your mail program, then use Mark as Sent.</source>
        <translation>已保存 {name}。请用您的邮件程序发送，然后使用“标记为已发送”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>Cannot send</source>
        <translation>无法发送</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>This conversation has no relay address.</source>
        <translation>此对话没有买家的加密电子邮件地址。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send this reply to {recipient} through {server} now?

Subject: {subject}</source>
        <translation>现在通过 {server} 将此回复发送给 {recipient} 吗？

主题：{subject}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <source>The reply was not sent</source>
        <translation>回复未发送</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Sending to {recipient}…</source>
        <translation>正在发送给 {recipient}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent to {recipient}.</source>
        <translation>已发送给 {recipient}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not marked as sent</source>
        <translation>未标记为已发送</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply recorded as sent at {time}.</source>
        <translation>已记录回复于 {time} 发送。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Export conversation as PDF</source>
        <translation>将对话导出为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The PDF was not written</source>
        <translation>PDF 未能写入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {name}.</source>
        <translation>已导出 {name}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Reply</source>
        <translation>复制回复(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Reply as .&amp;eml…</source>
        <translation>将回复保存为 .eml(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sen&amp;d Reply…</source>
        <translation>发送回复(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark Reply as Sent…</source>
        <translation>将回复标记为已发送(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print Conversation…</source>
        <translation>打印对话(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Conversation as P&amp;DF…</source>
        <translation>将对话导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reply &amp;Templates…</source>
        <translation>回复模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;SMTP Settings…</source>
        <translation>SMTP 设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ComposerView</name>
    <message>
        <location filename="../../sellerdesk/gui/views/composer.py" line="+59"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write your reply, or insert a template. It is saved as you type.</source>
        <translation>撰写回复或插入模板。输入时会自动保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language of the template; the buyer&apos;s marketplace picks the default</source>
        <translation>模板语言；默认语言由买家所在站点决定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the subject and text from the template</source>
        <translation>用模板填写主题和正文</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the reply to paste it in Seller Central (Ctrl+Shift+C)</source>
        <translation>复制回复，以便粘贴到卖家平台 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save .&amp;eml</source>
        <translation>保存为 .eml(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the reply as an e-mail file addressed to the buyer (Ctrl+Shift+S)</source>
        <translation>将回复保存为发给买家的邮件文件 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sen&amp;d…</source>
        <translation>发送(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send through your own SMTP server, after a confirmation (Ctrl+Shift+Return)</source>
        <translation>确认后通过您自己的 SMTP 服务器发送 (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Mark as Sent…</source>
        <translation>标记为已发送(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that this reply went out, which stops the 24-hour clock (Ctrl+Shift+A)</source>
        <translation>记录此回复已发出，24 小时回复计时随之停止 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Select a conversation to reply.</source>
        <translation>请选择要回复的对话。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>To: {address}</source>
        <translation>收件人：{address}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No buyer relay address: copy the reply into Seller Central.</source>
        <translation>没有买家的加密电子邮件地址：请将回复复制到卖家平台。</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/conversation_controller.py" line="+137"/>
        <source>Marked “No response needed”. Amazon counts it only when you mark it in Seller Central too.</source>
        <translation>已标记为“无需回复”。只有在卖家平台中也标记后，亚马逊才会计入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conversation closed.</source>
        <translation>对话已关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversation reopened.</source>
        <translation>对话已重新打开。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Mark &amp;No Response Needed</source>
        <translation>标记为无需回复(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close Conversation</source>
        <translation>关闭对话(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen Conversation</source>
        <translation>重新打开对话(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit &amp;Notes</source>
        <translation>编辑备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Tag</source>
        <translation>添加标签(&amp;T)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SellerDesk cannot use its data</source>
        <translation>SellerDesk 无法使用其数据</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../sellerdesk/gui/views/conversation_view.py" line="+210"/>
        <source>Select a conversation in the inbox to read it.</source>
        <translation>在收件箱中选择一个对话即可阅读。</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+138"/>
        <source>No response needed</source>
        <translation>无需回复</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Leave this message out of the reply clock and the response metrics</source>
        <translation>不将此消息计入回复计时和回复指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Amazon counts “No response needed” only when you also mark the message in Seller Central. SellerDesk never opens the link by itself.</source>
        <translation>只有在卖家平台中也标记该消息后，亚马逊才会计入“无需回复”。SellerDesk 不会自行打开该链接。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a tag and press Enter</source>
        <translation>输入标签后按回车键</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Internal notes (never sent to the buyer):</source>
        <translation>内部备注（绝不会发送给买家）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes for yourself: what you promised, tracking numbers, next steps…</source>
        <translation>写给自己的备注：您的承诺、追踪编号、下一步…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Amazon customer</source>
        <translation>亚马逊买家</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketplace: {code}</source>
        <translation>站点：{code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order {order}   ·   ASIN {asins}</source>
        <translation>订单编号 {order}   ·   ASIN {asins}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (pre-sale question)</source>
        <translation>无（售前咨询）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Needs reply</source>
        <translation>需要回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{when} {zone}</source>
        <translation>{when} {zone}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last reply {when}</source>
        <translation>上次回复 {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reply due</source>
        <translation>无待回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue by {duration} (reply was due {due})</source>
        <translation>已逾期 {duration}（回复截止于 {due}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{duration} left to reply (due {due})</source>
        <translation>剩余 {duration} 回复（截止于 {due}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This notification carried no link: mark it in Seller Central.</source>
        <translation>此通知没有附带链接：请在卖家平台中标记。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(no text)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the whole notice</source>
        <translation>显示完整通知</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{buyer} (buyer)</source>
        <translation>{buyer}（买家）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon notice: {kind}</source>
        <translation>亚马逊通知：{kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You (marked as sent in SellerDesk)</source>
        <translation>您（已在 SellerDesk 中标记为已发送）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You (copy from Seller Central)</source>
        <translation>您（卖家平台发送副本）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no response needed</source>
        <translation>无需回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amount: {value}</source>
        <translation>金额：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: {value}</source>
        <translation>原因：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer&apos;s comment: {value}</source>
        <translation>买家留言：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return tracking: {value}</source>
        <translation>退货追踪：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond by: {value}</source>
        <translation>请在此之前回应：{value}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>return request</source>
        <translation>退货请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund issued</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A-to-z Guarantee claim</source>
        <translation>亚马逊商城交易保障索赔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buyer opted out of messages</source>
        <translation>买家已选择不接收消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other notification</source>
        <translation>其他通知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attachments: {names}</source>
        <translation>附件：{names}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Remove tag “{tag}”</source>
        <translation>删除标签“{tag}”</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../sellerdesk/gui/application.py" line="+165"/>
        <source>SellerDesk — demo inbox</source>
        <translation>SellerDesk — 演示收件箱</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>About SellerDesk</source>
        <translation>关于 SellerDesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SellerDesk {version}
An offline inbox, draft checker and returns checklist for Amazon sellers. Your data stays on this computer:
{folder}</source>
        <translation>SellerDesk {version}
面向亚马逊卖家的离线收件箱、回复检查和退货清单。您的数据只保存在这台电脑上：
{folder}</translation>
    </message>
</context>
<context>
    <name>DueCasesModel</name>
    <message>
        <location filename="../../sellerdesk/gui/models/due_cases_model.py" line="+59"/>
        <source>Order</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market</source>
        <translation>站点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue {amount}</source>
        <translation>已逾期 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in {amount}</source>
        <translation>{amount} 后</translation>
    </message>
    <message>
        <source>{amount} overdue</source>
        <translation type="vanished">已逾期 {amount}</translation>
    </message>
</context>
<context>
    <name>DueTodayView</name>
    <message>
        <location filename="../../sellerdesk/gui/views/due_today.py" line="+42"/>
        <source>Only due within 24 hours</source>
        <translation>仅显示 24 小时内到期</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No return step is due.</source>
        <translation>没有到期的退货步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{total} open return cases · {overdue} overdue</source>
        <translation>{total} 个未结退货 · {overdue} 个已逾期</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../sellerdesk/gui/models/findings_model.py" line="+57"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Blocks</source>
        <translation>阻止发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole message</source>
        <translation>整条消息</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/import_controller.py" line="+91"/>
        <source>Import e-mail files</source>
        <translation>导入邮件文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail files (*.eml *.msg *.txt);;All files (*)</source>
        <translation>邮件文件 (*.eml *.msg *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder of e-mail (or a Maildir)</source>
        <translation>导入邮件文件夹（或 Maildir）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import mailbox files (mbox)</source>
        <translation>导入邮箱文件 (mbox)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailbox files (*.mbox *.mbx *.mbs);;All files (*)</source>
        <translation>邮箱文件 (*.mbox *.mbx *.mbs);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import running</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An import is already running; wait for it to finish or cancel it.</source>
        <translation>已有导入正在进行；请等待其完成或取消。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These files or folders do not exist:
{paths}</source>
        <translation>以下文件或文件夹不存在：
{paths}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Imported {imported} new messages ({failed} failed).</source>
        <translation>已导入 {imported} 条新消息（{failed} 条失败）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import f&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import &amp;mailbox (mbox)…</source>
        <translation>导入邮箱 (mbox)(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/import_dialog.py" line="+32"/>
        <source>Importing e-mail</source>
        <translation>正在导入邮件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{done} messages done, {rate} per second</source>
        <translation>已处理 {done} 条消息，每秒 {rate} 条</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ({failed} could not be imported)</source>
        <translation>（{failed} 条无法导入）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次完成后停止…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location line="+22"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{imported} new messages imported, {duplicates} already in SellerDesk.</source>
        <translation>已导入 {imported} 条新消息，{duplicates} 条已在 SellerDesk 中。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} items could not be imported:</source>
        <translation>{count} 项无法导入：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/inbox_controller.py" line="+121"/>
        <source>{n} conversations found</source>
        <translation>找到 {n} 个对话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} conversations</source>
        <translation>{n} 个对话</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>&amp;Find in mail…</source>
        <translation>在邮件中查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inbox: &amp;needs reply</source>
        <translation>收件箱：需要回复(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbox: &amp;overdue only</source>
        <translation>收件箱：仅显示已逾期(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbox: &amp;all conversations</source>
        <translation>收件箱：全部对话(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Response &amp;metrics…</source>
        <translation>回复指标(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../sellerdesk/gui/models/inbox_model.py" line="+141"/>
        <source>Amazon expects a reply within 24 hours of the oldest unanswered buyer message, weekends and holidays included</source>
        <translation>亚马逊要求在最早一条未回复的买家消息到达后 24 小时内回复，周末和节假日也计算在内</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind / subject</source>
        <translation>类型 / 主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(unknown buyer)</source>
        <translation>（未知买家）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reply due {time}</source>
        <translation>回复截止 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return case: next step due {time}</source>
        <translation>退货：下一步截止 {time}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Needs reply</source>
        <translation>需要回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response needed</source>
        <translation>无需回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buyer message</source>
        <translation>买家消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Your reply</source>
        <translation>您的回复</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Return request</source>
        <translation>退货请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>A-to-z claim</source>
        <translation>亚马逊商城交易保障索赔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A-to-z</source>
        <translation>交易保障索赔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce</source>
        <translation>退信</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue {amount}</source>
        <translation>已逾期 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount} left</source>
        <translation>剩余 {amount}</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../sellerdesk/gui/views/inbox_pane.py" line="+138"/>
        <source>Search buyer text, subjects, notes, order ids, ASINs, names (Ctrl+F)</source>
        <translation>搜索买家消息、主题、备注、订单编号、ASIN、姓名 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs reply</source>
        <translation>需要回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response needed</source>
        <translation>无需回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations containing this kind</source>
        <translation>包含此类型消息的对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by marketplace</source>
        <translation>按站点筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last message received</source>
        <translation>最后一条消息的收到时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date range…</source>
        <translation>日期范围…</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All marketplaces</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sellerdesk/gui/main_window.py" line="+44"/>
        <source>SellerDesk</source>
        <translation>SellerDesk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Conversation</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Returns</source>
        <translation>退货(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About SellerDesk</source>
        <translation>关于 SellerDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MarkSentDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/composer.py" line="+102"/>
        <source>Mark reply as sent</source>
        <translation>将回复标记为已发送</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record that you sent this reply to {recipient}. The 24-hour clock of the conversation stops at this time.</source>
        <translation>记录您已将此回复发送给 {recipient}。该对话的 24 小时回复计时在此时间停止。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sent at ({zone}):</source>
        <translation>发送时间（{zone}）：</translation>
    </message>
</context>
<context>
    <name>MetricsDashboard</name>
    <message>
        <location filename="../../sellerdesk/gui/views/metrics_dashboard.py" line="+149"/>
        <source>Response metrics</source>
        <translation>回复指标</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answered within 24 hours, by day received:</source>
        <translation>24 小时内回复的比例（按收到日期）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A local mirror of Amazon&apos;s Buyer-Seller Contact Metrics. Amazon&apos;s published (historic) target: at least 90% of buyer messages answered within 24 hours. Messages marked &quot;no response needed&quot; are left out; messages younger than 24 hours are not yet on time or late.</source>
        <translation>亚马逊“买家与卖家联系指标”的本地副本。亚马逊公布的（历史）目标：至少 90% 的买家消息在 24 小时内得到回复。标记为“无需回复”的消息不计入；收到不足 24 小时的消息尚不计为及时或延迟。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Buyer messages received</source>
        <translation>收到的买家消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered within 24 h</source>
        <translation>24小时之内回复数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered late</source>
        <translation>延迟回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unanswered after 24 h</source>
        <translation>超过24小时没有回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late Response Rate (target ≤ 10%)</source>
        <translation>延迟回复率（目标 ≤ 10%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average response time</source>
        <translation>平均回复时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last {n} days</source>
        <translation>最近 {n} 天</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>As of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小时</translation>
    </message>
</context>
<context>
    <name>MissingValuesDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/composer.py" line="-62"/>
        <source>Values for this template</source>
        <translation>此模板所需的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template needs these values before it can be inserted:</source>
        <translation>插入此模板之前需要填写以下值：</translation>
    </message>
</context>
<context>
    <name>OnTimeChart</name>
    <message>
        <location filename="../../sellerdesk/gui/views/metrics_dashboard.py" line="-129"/>
        <source>target: 90% within 24 h</source>
        <translation>目标：90% 在 24 小时内回复</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No buyer messages yet</source>
        <translation>还没有买家消息</translation>
    </message>
</context>
<context>
    <name>PolicyController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/policy_controller.py" line="+172"/>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This draft breaks Amazon&apos;s rules</source>
        <translation>此草稿违反了亚马逊的规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon would likely block this message and may restrict your messaging:</source>
        <translation>亚马逊很可能会拦截这条消息，并可能限制您的消息功能：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Override {rules} and {verb}</source>
        <translation>忽略 {rules} 并{verb}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
</context>
<context>
    <name>PolicySidebar</name>
    <message>
        <location filename="../../sellerdesk/gui/views/policy_sidebar.py" line="+88"/>
        <source>May I contact this buyer?</source>
        <translation>我可以联系这位买家吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer:</source>
        <translation>答复：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This draft</source>
        <translation>此草稿</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Rules at a glance</source>
        <translation>规则一览</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a conversation</source>
        <translation>请选择一个对话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed with conditions</source>
        <translation>有条件允许</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n finding(s) would get this message blocked.</source>
        <translation>
            <numerusform>%n 个问题会导致这条消息被拦截。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n warning(s); the message can be sent.</source>
        <translation>
            <numerusform>%n 个警告；这条消息可以发送。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No findings: nothing in this draft breaks a checked rule.</source>
        <translation>未发现问题：此草稿没有违反任何已检查的规则。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliant alternative:</source>
        <translation>合规写法：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confidence: {level}</source>
        <translation>可信度：{level}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked {date}</source>
        <translation>核对于 {date}</translation>
    </message>
</context>
<context>
    <name>ReturnsController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/returns_controller.py" line="+192"/>
        <source>open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return case · order {order} ({marketplace}) · {status}</source>
        <translation>退货 · 订单 {order}（{marketplace}）· {status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>qty {n}</source>
        <translation>数量 {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(seller fault)</source>
        <translation>（卖家责任）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer comment</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carrier / tracking</source>
        <translation>承运商 / 追踪编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules in force</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{marketplace} marketplace: business days skip weekends and {region} public holidays; deadlines shown in {zone}</source>
        <translation>{marketplace} 站点：工作日不含周末和{region}公共假日；截止时间以 {zone} 显示</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No restocking fee on a seller-fault return: drop the {fee}% fee</source>
        <translation>卖家责任的退货不得收取重新入库费：请取消 {fee}% 的费用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A {fee}% fee on an in-policy return only if the item came back used or damaged</source>
        <translation>符合政策的退货，只有在商品退回时已使用或损坏才可收取 {fee}% 的费用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seller-fault reason: no restocking fee</source>
        <translation>卖家责任原因：不收取重新入库费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In-policy return: no restocking fee if it comes back in original condition</source>
        <translation>符合政策的退货：商品以原始状态退回时不收取重新入库费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A {fee}% fee needs a photo of the item: attach one</source>
        <translation>收取 {fee}% 的费用需要商品照片：请添加一张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo attached for the {fee}% fee</source>
        <translation>已为 {fee}% 的费用附上照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund by {due}</source>
        <translation>请在 {due} 前退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAFE-T claim possible until {due}</source>
        <translation>可在 {due} 前提交 SAFE-T 索赔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer an international return option by {due}</source>
        <translation>请在 {due} 前提供国际退货方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal the A-to-z decision by {due}</source>
        <translation>请在 {due} 前对亚马逊商城交易保障索赔的决定提出申诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A full refund closes the open A-to-z claim</source>
        <translation>全额退款会关闭未结的亚马逊商城交易保障索赔</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The case file could not be written: {error}</source>
        <translation>无法写入案例文件：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case file written: {path} ({pages} pages)</source>
        <translation>案例文件已写入：{path}（共 {pages} 页）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return checklist</source>
        <translation>退货清单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returns due</source>
        <translation>到期的退货</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Returns &amp;Due Today</source>
        <translation>今天到期的退货(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export Case File PDF…</source>
        <translation>导出案例文件 PDF(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ReturnsPane</name>
    <message>
        <location filename="../../sellerdesk/gui/views/returns_pane.py" line="+98"/>
        <source>Open a return case for this order</source>
        <translation>为此订单创建退货记录</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Case</source>
        <translation>退货记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>When the step was done (your time zone)</source>
        <translation>此步骤的完成时间（您的时区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;done</source>
        <translation>标记为已完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not &amp;applicable</source>
        <translation>不适用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Facts only you know</source>
        <translation type="vanished">只有您知道的信息</translation>
    </message>
    <message>
        <source>Set item received</source>
        <translation type="vanished">设置收到退货时间</translation>
    </message>
    <message>
        <source>Set A-to-z decision</source>
        <translation type="vanished">设置索赔决定时间</translation>
    </message>
    <message>
        <source>Uses the date and time on the left</source>
        <translation type="vanished">使用左侧的日期和时间</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Shipped from another country</source>
        <translation>从其他国家/地区发货</translation>
    </message>
    <message>
        <source>Item received:</source>
        <translation type="vanished">收到退货：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planned restocking fee:</source>
        <translation>计划收取的重新入库费：</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="vanished">证据</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Set as item received</source>
        <translation>设为收到退货时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set as A-to-z decision date</source>
        <translation>设为索赔决定日期</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Date and time:</source>
        <translation>日期和时间：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attach &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export case file PDF…</source>
        <translation>导出案例文件 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a conversation to see its return case.</source>
        <translation>选择一个对话以查看其退货记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order {order} has no return case.</source>
        <translation>订单 {order} 没有退货记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This conversation is not about an order.</source>
        <translation>此对话与订单无关。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rules ({count})</source>
        <translation>规则（{count}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence ({count})</source>
        <translation>证据（{count}）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No photos or files yet</source>
        <translation>还没有照片或文件</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>What:</source>
        <translation>做什么：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amazon&apos;s deadline:</source>
        <translation>亚马逊规定的截止时间：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Attach evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photos and files (*)</source>
        <translation>照片和文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export case file</source>
        <translation>导出案例文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/smtp_settings.py" line="+31"/>
        <source>SMTP settings</source>
        <translation>SMTP 设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: send replies through your own mail server. Use the address you registered on Amazon&apos;s Messaging Permissions page, or Amazon rejects the mail. The password is kept in your system&apos;s keyring, never in SellerDesk&apos;s data.</source>
        <translation>可选：通过您自己的邮件服务器发送回复。请使用您在亚马逊“消息权限”页面登记的电子邮件地址，否则亚马逊会拒收邮件。密码保存在系统密钥环中，绝不保存在 SellerDesk 的数据里。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Forget the stored password</source>
        <translation>删除已保存的密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security:</source>
        <translation>安全：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send from address:</source>
        <translation>发件地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name:</source>
        <translation>发件人名称：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>stored in the system keyring; type to replace</source>
        <translation>已保存在系统密钥环中；输入新密码即可替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>TemplateEditorController</name>
    <message>
        <location filename="../../sellerdesk/gui/controllers/composer_controller.py" line="+63"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{title}” ({language})?</source>
        <translation>删除“{title}”（{language}）吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported {count} templates.</source>
        <translation>已导出 {count} 个模板。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported: {added} new, {updated} replaced.</source>
        <translation>已导入：新增 {added} 个，替换 {updated} 个。</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../sellerdesk/gui/views/template_editor.py" line="+47"/>
        <source>Reply templates</source>
        <translation>回复模板</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>e.g. gift_wrap (same key for every language)</source>
        <translation>例如 gift_wrap（各语言使用同一个键）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key:</source>
        <translation>键：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Placeholders: {names}. SellerDesk fills the order&apos;s values and asks for the others. Write {{{{ and }}}} for literal braces.</source>
        <translation>占位符：{names}。SellerDesk 会自动填写订单中的值，其余的值会询问您。要输入花括号本身，请写 {{{{ 和 }}}}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>used for {seller_name}</source>
        <translation>用于 {seller_name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your shop name:</source>
        <translation>您的店铺名称：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Export templates</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Template files (*.json)</source>
        <translation>模板文件 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import templates</source>
        <translation>导入模板</translation>
    </message>
</context>
<context>
    <name>sellerdesk</name>
    <message>
        <location filename="../../sellerdesk/gui/application.py" line="+35"/>
        <source>SellerDesk hit a bug</source>
        <translation>SellerDesk 遇到了程序错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside SellerDesk.

{details}</source>
        <translation>SellerDesk 内部出现了问题。

{details}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SellerDesk cannot start</source>
        <translation>SellerDesk 无法启动</translation>
    </message>
</context>
</TS>
