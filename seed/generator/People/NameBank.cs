namespace KnowledgeKaizen.SeedGenerator.People;

/// <summary>Name parts for people and companies, English and Chinese.</summary>
internal static class NameBank
{
    public static readonly string[] EnglishFirst =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Grace", "Daniel",
        "Chloe", "Henry", "Isabel", "Samuel", "Hannah", "Owen", "Laura", "Marcus", "Rachel", "Victor", "Nina",
        "Thomas", "Claire", "Adrian", "Megan", "Patrick", "Julia", "Oscar", "Sarah", "David", "Elena", "Ryan",
    ];

    public static readonly string[] EnglishLast =
    [
        "Walker", "Bennett", "Hughes", "Foster", "Morgan", "Reed", "Parker", "Collins", "Hayes", "Turner",
        "Brooks", "Coleman", "Fischer", "Larsen", "Novak", "Keller", "Sullivan", "Grant", "Palmer", "Russo",
        "Meyer", "Ward", "Hoffman", "Dalton", "Pearson", "Lindqvist", "Carter", "Owens", "Shaw", "Quinn",
    ];

    /// <summary>Chinese surnames: pinyin and characters.</summary>
    public static readonly (string Pinyin, string Hanzi)[] ChineseSurnames =
    [
        ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
        ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"),
        ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"), ("Lin", "林"), ("He", "何"), ("Guo", "郭"), ("Ma", "马"),
        ("Luo", "罗"),
    ];

    /// <summary>Chinese given names: pinyin and characters.</summary>
    public static readonly (string Pinyin, string Hanzi)[] ChineseGiven =
    [
        ("Wei", "伟"), ("Fang", "芳"), ("Na", "娜"), ("Min", "敏"), ("Jing", "静"), ("Lei", "磊"), ("Qiang", "强"),
        ("Yang", "洋"), ("Yan", "艳"), ("Jie", "杰"), ("Tao", "涛"), ("Ming", "明"), ("Chao", "超"),
        ("Xiuying", "秀英"), ("Haoran", "浩然"), ("Zihan", "子涵"), ("Yuting", "雨婷"), ("Jiahao", "嘉豪"),
        ("Xinyi", "欣怡"), ("Junjie", "俊杰"), ("Shufen", "淑芬"), ("Zhiqiang", "志强"), ("Lihua", "丽华"),
        ("Hui", "慧"), ("Bo", "博"), ("Yue", "悦"), ("Kai", "凯"), ("Rui", "睿"), ("Ning", "宁"), ("Peng", "鹏"),
    ];

    public static readonly string[] EnglishCompanyFirst =
    [
        "North", "Blue", "Summit", "Red", "Iron", "Silver", "Harbor", "Ever", "Pioneer", "Granite", "Crescent",
        "Bright", "Oak", "West", "Lake", "Key", "Falcon", "Meridian", "Sterling", "Atlas",
    ];

    public static readonly string[] EnglishCompanySecond =
    [
        "wind", "water", "field", "stone", "bridge", "line", "point", "green", "ridge", "way", "path", "gate",
        "brook", "view", "crest", "wood", "haven", "port", "mark", "light",
    ];

    /// <summary>Industry words per industry, in the order of <c>Catalog.Industries</c>.</summary>
    public static readonly string[][] EnglishIndustryWords =
    [
        ["Manufacturing", "Tooling", "Components", "Machinery"],
        ["Retail", "Stores", "Trading", "Outlets"],
        ["Technologies", "Software", "Systems", "Digital"],
        ["Logistics", "Freight", "Transport", "Supply"],
        ["Academy", "Learning", "College", "Schools"],
        ["Capital", "Financial", "Insurance", "Credit"],
        ["Health", "Medical", "Clinics", "Pharma"],
        ["Public Works", "Procurement Office", "Transit Authority", "Water Board"],
    ];

    public static readonly string[] EnglishSuffixes = ["Ltd", "Inc", "Group", "Co."];

    public static readonly string[] ChineseCities =
    [
        "上海", "苏州", "杭州", "南京", "北京", "天津", "青岛", "沈阳", "大连", "济南", "宁波", "无锡", "合肥",
        "郑州", "石家庄", "太原",
    ];

    public static readonly string[] ChineseBrands =
    [
        "华瑞", "金达", "恒通", "远航", "宏信", "瑞丰", "中科", "海润", "鼎盛", "博远", "新源", "安泰", "汇通",
        "东方", "九洲", "启明", "正泰", "天成", "嘉禾", "永信", "明德", "盛世", "联创", "星辰", "华信", "同心",
        "智达", "长青", "和泰", "立信",
    ];

    public static readonly string[][] ChineseIndustryWords =
    [
        ["机械", "精密制造", "装备", "模具"],
        ["商贸", "零售", "百货", "连锁超市"],
        ["科技", "信息技术", "软件", "数据"],
        ["物流", "供应链", "运输", "仓储"],
        ["教育", "培训", "职业学校", "教育科技"],
        ["金融服务", "投资", "保险代理", "融资租赁"],
        ["医疗", "医药", "健康科技", "医疗器械"],
        ["公共资源交易中心", "政务服务中心", "交通运输局", "水务局"],
    ];

    public static readonly string[] ChineseSuffixes = ["有限公司", "股份有限公司", "集团有限公司"];
}
