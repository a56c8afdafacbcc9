namespace WebMail.MailSeeder;

/// <summary>The words the seeded messages are made of.</summary>
internal static class SeedTexts
{
    public sealed record Sender(string Name, string Address, bool Chinese);

    public static readonly Sender[] Senders =
    [
        new("张伟", "zhang.wei@school.test", true),
        new("王芳", "wang.fang@school.test", true),
        new("教务处", "jiaowu@school.test", true),
        new("图书馆", "library@school.test", true),
        new("李娜 (Li Na)", "li.na@school.test", true),
        new("Academic Affairs Office", "academic@school.test", false),
        new("Prof. Maria Schmidt", "m.schmidt@school.test", false),
        new("Campus IT Helpdesk", "helpdesk@school.test", false),
        new("Student Union", "union@school.test", false),
    ];

    public static readonly string[] ChineseSubjects =
    [
        "关于期末考试安排的通知",
        "图书馆借阅到期提醒",
        "【教务处】选课系统开放时间",
        "实验报告提交要求",
        "校园网维护公告",
        "奖学金申请材料清单",
        "周五组会改到下午三点",
        "毕业论文开题报告模板",
    ];

    public static readonly string[] EnglishSubjects =
    [
        "Final exam schedule",
        "Your library loan is due soon",
        "Course registration opens Monday",
        "Lab report submission guidelines",
        "Campus network maintenance",
        "Scholarship application checklist",
        "Group meeting moved to 3 pm",
        "Thesis proposal template",
    ];

    public static readonly string[] ChineseParagraphs =
    [
        "各位同学：本学期期末考试将于第十八周开始，请大家提前做好复习准备，按时参加考试。",
        "您借阅的图书即将到期，请在到期日前归还或办理续借手续，以免产生逾期费用。",
        "选课系统将于下周一上午九点开放，请同学们根据培养方案合理安排课程。",
        "实验报告请使用学校统一模板，并以 PDF 格式提交到课程平台，逾期不予受理。",
        "因校园网核心设备升级，本周六凌晨零点至六点网络服务将暂停，给您带来不便敬请谅解。",
        "申请奖学金的同学请准备好成绩单、获奖证书复印件以及个人陈述，于月底前交到学院办公室。",
        "附件是上次讨论的资料，请大家会前阅读，有问题可以直接回复这封邮件。",
    ];

    public static readonly string[] EnglishParagraphs =
    [
        "Dear students, the final examinations begin in week eighteen. Please check the timetable and arrive fifteen minutes early.",
        "A book you borrowed is due soon. Please return or renew it before the due date to avoid late fees.",
        "Course registration opens on Monday at 9 am. Plan your courses according to your programme requirements.",
        "Lab reports must use the department template and be uploaded as PDF to the course platform before the deadline.",
        "The campus network will be unavailable from midnight to 6 am on Saturday while core equipment is upgraded.",
        "Scholarship applicants should bring their transcript, copies of certificates and a personal statement to the office.",
        "Attached are the materials from our last discussion. Please read them before the meeting and reply with questions.",
        "Thanks for your message. I have looked at the draft and left a few comments in the attached document.",
    ];

    public static readonly (string Name, string ContentType)[] AttachmentNames =
    [
        ("课程表.pdf", "application/pdf"),
        ("实验数据 2026.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("syllabus.pdf", "application/pdf"),
        ("photo.jpg", "image/jpeg"),
        ("notes.txt", "text/plain"),
        ("毕业论文模板.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ];

    /// <summary>A 1×1 transparent PNG, for inline (cid:) images.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
