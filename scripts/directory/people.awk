# Writes the demo directory's people as LDIF: $count people of a university, Chinese names in simplified script
# (a few two-character surnames), their departments, student or staff numbers as uid and as the address's local
# part. Deterministic: the same numbers every time, so tests can look people up by them.
#   awk -v count=10000 -v domain=school.test -v base=dc=school,dc=test -f people.awk
BEGIN {
  split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 欧阳 司马 诸葛 单", surnames, " ")
  split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 鹏 辉 玲 丹 宁 浩 宇 轩 然 子 涵 欣 怡 梓 睿 博 文 嘉 晨 思 雨 佳 诗 一 俊 泽 昊 天 昕 瑶 琪 颖 瑞 凯 鑫 倩 婷 雪 悦 航 琳 楠 晶 帆 蕾 阳 斌 飞 亮 健 晓 燕 兰 凤 云 峰 波 毅 彬 岩 琦 璐 露 薇 清 松 柏 海 江 山 志", given, " ")
  split("计算机学院 软件学院 物理学院 化学学院 数学科学学院 外国语学院 经济管理学院 法学院 医学院 建筑学院 图书馆 教务处", departments, " ")
  ns = length(surnames); ng = length(given); nd = length(departments)
  for (i = 1; i <= count; i++) {
    surname = surnames[(i * 7) % ns + 1]
    name = given[(i * 13) % ng + 1]
    if (i % 3 != 0) name = name given[(i * 31 + 5) % ng + 1]
    staff = (i % 10 == 0)
    uid = staff ? sprintf("T%05d", i / 10) : sprintf("%04d%06d", 2020 + (i % 5), i)
    department = departments[(staff ? i / 10 : i) % nd + 1]
    printf "dn: uid=%s,ou=people,%s\n", uid, base
    print "objectClass: inetOrgPerson"
    printf "uid: %s\ncn: %s%s\nsn: %s\ngivenName: %s\ndisplayName: %s%s\n", uid, surname, name, surname, name, surname, name
    printf "mail: %s@%s\nou: %s\nemployeeNumber: %s\ntitle: %s\n\n", uid, domain, department, uid, staff ? "教师" : "学生"
  }
}
