//! Every user-visible string of the page, in English and Simplified Chinese.
//!
//! The page never writes UI text as a literal anywhere else: components ask for a [`Text`] key and the
//! current [`Lang`]. The table is one macro invocation, so a key without both translations does not
//! compile, and `Text::ALL` lets a test enumerate every key.

use crate::engine::spec::Unit;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The BCP 47 tag written into `<html lang>`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Picks the language for a browser language tag such as `zh-CN` or `en-GB`; anything that is not
    /// Chinese falls back to English.
    #[must_use]
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

macro_rules! text_table {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A key of the translation table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($key,)*
        }

        impl Text {
            /// Every key, for tests that check the table is complete.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The string in the given language.
            #[must_use]
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Text::$key, Lang::En) => $en,
                      (Text::$key, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

text_table! {
    AppName => "Cadence", "Cadence 营销节奏";
    Tagline => "Plan your team's prospecting cadence so the loan book never runs dry.",
        "规划团队的营销节奏，让贷款组合持续有新客户补充。";
    RegionInputs => "Your team", "团队设置";
    RegionResults => "Results", "结果";
    RegionCharts => "Charts", "图表";
    FooterVersion => "Version", "版本";
    FooterLocal => "Runs entirely in your browser; nothing is sent anywhere.",
        "完全在浏览器中运行，不会上传任何数据。";
    LanguageSwitch => "中文", "English";
    LanguageSwitchLabel => "Switch language", "切换语言";
    ChartDownloadSvg => "Download SVG", "下载 SVG";
    DownloadCsv => "Download the weekly figures (CSV)", "下载每周数据（CSV）";
    TableWeekStarting => "Week starting", "周起始日期";
    ChartShowTable => "Show as table", "以表格显示";
    ChartShowChart => "Show as chart", "以图表显示";
    UnitAppsPerAmWeek => "applications per AM per week", "每人每周申请数";
    UnitMultiplier => "× (1 = no change)", "倍（1 = 不变）";
    UnitShareOfHours => "share of hours lost (0–1)", "损失工时比例（0–1）";

    FieldInitLoans => "Starting portfolio", "起始在贷户数";
    FieldInitKind => "Starting book", "起始组合";
    InitSteady => "A settled book (steady state)", "成熟组合（稳态）";
    InitEmpty => "A new team with no loans", "新团队，无存量贷款";
    FieldMix => "Quality mix", "质量结构";
    FieldEntry => "Enters as", "进入阶段";
    EntryContacted => "Contacted", "已接触";
    EntryInterested => "Interested", "有意向";
    FieldMigration => "Tier after renewal", "续贷后等级";
    FieldHomophily => "Tier of the people they introduce", "所介绍客户的等级";
    FieldTermWeeks => "Term", "期限";
    FieldTermWeight => "Share of loans", "占比";
    FieldAmortisation => "Repayment", "还款方式";
    AmortEqual => "Equal principal", "等额本金";
    AmortBullet => "Bullet (all at maturity)", "到期一次还本";
    QueueFifo => "Oldest application first", "先到先审";
    QueueQuality => "Best customers first", "优质客户优先";
    FieldShockStart => "Starts in week", "开始周";
    FieldShockDuration => "Lasts", "持续";
    FieldShockSize => "Size", "强度";
    FieldShockKind => "Kind", "类型";
    ShockBurst => "Application burst", "申请集中涌入";
    ShockDemand => "Demand change", "需求变化";
    ShockCapacity => "Capacity loss", "人手减少";
    ShockCredit => "Credit shock", "信用冲击";
    ShockAdd => "Add a shock", "添加冲击";
    ShockRemove => "Remove", "删除";
    ShockNumber => "Shock {0}", "冲击 {0}";
    ShocksNone => "No shocks: the weeks run as usual.", "无冲击：各周正常运行。";
    TermAdd => "Add a term", "添加期限";
    TermRemove => "Remove", "删除";
    FromTier => "From {0}", "原为{0}";
    UnitWeekOfYear => "week of the year", "全年第几周";
    UnitSimWeek => "simulation week (0 = first)", "模拟周（0 = 第一周）";
    UnitShockSize => "applications per AM per week · multiplier · share of hours", "每人每周申请数 · 倍数 · 工时比例";
    HelpInitLoans => "Loans per AM at week 0 in a settled book; empty = the target.", "第 0 周每人的在贷户数（成熟组合）；留空 = 目标值。";
    HelpChannelMix => "Share of prime, standard and marginal prospects; supply chains and associations bring better customers, flyers and online posts worse ones. Must add up to 1.", "优质、标准、边缘潜在客户的比例；供应链与商会带来更好的客户，传单与网帖较差。合计必须为 1。";
    HelpMigration => "Renewing customers can move tier: marginal customers who repay \"graduate\". Each row adds up to 1.", "续贷客户可能变更等级：按时还款的边缘客户可“升级”。每行合计为 1。";
    HelpHomophily => "Customers introduce people like themselves. Each row adds up to 1.", "客户倾向于介绍与自己相似的人。每行合计为 1。";
    HelpTerms => "Loan terms in weeks and their shares (13/26/39/52 weeks by default: a mean of about 8 months).", "贷款期限（周）及占比（默认 13/26/39/52 周，平均约 8 个月）。";
    HelpLunarWeeks => "Lunar holidays move every year: set the week of the year they fall in.", "农历节日每年日期不同：请设置其所在的周。";
    HelpShocks => "Timed events: a burst of applications (an association's bulk batch), a demand change (a price rise), lost capacity (an AM away) or a credit downturn; and decisions: stop, resume, set or keep a minimum of prospecting hours (h per AM), change the channel mix, or add or remove AMs (negative removes).", "定时事件：申请集中涌入（商会批量推荐）、需求变化（厂家提价）、人手减少（客户经理缺岗）或信用下行；以及决策：停止、恢复、设定或保留最低营销工时（小时/人）、调整渠道组合、增减客户经理（负数为减少）。";

    PresetPick => "Start from a preset", "从预设开始";
    PresetPickNone => "— your own scenario —", "— 自定义场景 —";
    PresetSteady => "Steady cadence", "稳定节奏";
    PresetFault => "The fault", "业绩断档";
    PresetFloor => "Mandatory floor and its trade-off", "强制底线及其取舍";
    PresetFestival => "Festival year", "节日之年";
    PresetSpike => "Industry demand spike", "行业需求激增";
    PresetQuality => "Quality over quantity", "重质不重量";
    PresetRamp => "New-team ramp-up", "新团队起步";
    VariantFixed => "(a) fixed cadence at h*", "(a) 固定节奏 h*";
    VariantStopWhenBusy => "(b) stop when busy, cap h*", "(b) 忙时停止，上限 h*";
    VariantFloor => "(b) stop when busy with a floor of ½h*", "(b) 忙时停止，底线 ½h*";
    VariantTarget => "(c) target pipeline", "(c) 目标漏斗";
    VariantTargetBoost => "(c) target pipeline, boost only (minimum h*)", "(c) 目标漏斗，只增不减（下限 h*）";
    VariantFullWeek => "(b) prospect all free time (cap H)", "(b) 空闲时间全部营销（上限 H）";
    PinName => "Name for this scenario", "场景名称";
    PinButton => "Pin for comparison", "固定以便比较";
    PinHint => "Pin up to 4 scenarios; every chart overlays them.", "最多固定 4 个场景，图表会叠加显示。";
    CompareTitle => "Compare pinned scenarios", "比较已固定的场景";
    CompareMetric => "Figure", "指标";
    CompareReference => "Reference", "基准";
    CompareUnpin => "Remove", "移除";
    CompareDiff => "vs reference", "与基准相比";
    LeversTitle => "Which lever matters", "哪个杠杆最重要";
    LeversOutcome => "Outcome", "结果指标";
    LeversNote => "Each lever moved {0} down and up from today's values, kept inside its valid range; expected values, everything else as it is.", "每个杠杆在当前数值基础上下调和上调{0}（不超出有效范围），其余不变；按期望值计算。";
    LeversBase => "Now: {0}", "当前：{0}";
    LeversRange => "{0} to {1} of today's values", "当前数值的{0}至{1}";
    LeversLow => "lever lower", "杠杆下调";
    LeversHigh => "lever higher", "杠杆上调";
    LeversBarDescription => "{0}, {1}: {2} when lower, {3} when higher", "{0}，{1}：下调时{2}，上调时{3}";
    LeversTry => "Try it ({0})", "试一试（{0}）";
    LeversTriedPin => "Before: {0}", "调整前：{0}";
    LeversEmpty => "Enter a valid scenario to see which lever matters.", "请先输入有效的场景，才能看到哪个杠杆最重要。";
    LeversLoans => "{0} loans", "{0}笔贷款";
    LeversLowFigure => "lower: {0}", "下调：{0}";
    LeversHighFigure => "higher: {0}", "上调：{0}";
    LeversHours => "{0} h", "{0}小时";
    LeversImportanceTitle => "Which uncertainty matters most", "哪项不确定性影响最大";
    LeversImportanceIntro => "Every lever drawn at once, each anywhere within {0} of today's values (a draw that breaks a rule between settings is drawn again): the share of the outcome's variance each lever explains alone and together with the others (first-order and total Sobol indices), with 95% bootstrap intervals.", "所有杠杆同时随机抽取，各自在当前数值上下{0}范围内（违反参数间规则的抽样会重新抽取）：每个杠杆单独解释、以及与其他杠杆共同解释的结果方差占比（一阶和总 Sobol 指数），附 95% 自助法置信区间。";
    LeversSamples => "Samples (N)", "样本数（N）";
    LeversSamplesOption => "{0} ({1} runs)", "{0}（{1}次计算）";
    LeversCompute => "Compute importance", "计算重要性";
    LeversCancel => "Cancel", "取消";
    LeversProgress => "Computing in the background: {0} of {1} runs", "后台计算中：{0}/{1}次";
    LeversStoppedEdit => "Stopped: the scenario or the outcome changed. Compute again for the one on screen.", "已停止：场景或结果指标已改变。请为当前场景重新计算。";
    LeversStopped => "Stopped before the end.", "已在完成前停止。";
    LeversFailed => "The importance could not be computed: {0}", "无法计算重要性：{0}";
    LeversNeedValid => "Enter a valid scenario to compute the importance.", "请先输入有效的场景，才能计算重要性。";
    LeversImportanceStale => "Out of date: these indices are of an earlier scenario or another outcome. Compute again.", "已过期：这些指数属于之前的场景或其他结果指标。请重新计算。";
    LeversImportanceFor => "{0} · N = {1} · seed {2} · {3} runs", "{0} · N = {1} · 种子 {2} · {3}次计算";
    LeversFirst => "alone (first order)", "单独（一阶）";
    LeversTotal => "with interactions (total)", "含交互（总效应）";
    LeversIndexFigures => "alone {0} [{1} to {2}] · total {3} [{4} to {5}]", "单独 {0} [{1}至{2}] · 总 {3} [{4}至{5}]";
    LeversIndexDescription => "{0}: alone {1}, total {2} of the variance", "{0}：单独解释方差的{1}，总计{2}";
    LeversMeasureNextTitle => "Measure this next", "下一步最值得测量的数字";
    LeversMeasureNext => "{0}: narrowing its range from ±{1} to ±{2} would cut the uncertainty of “{3}” by about {4}.", "{0}：把它的范围从±{1}缩小到±{2}，可使“{3}”的不确定性降低约{4}。";
    LeversMeasureNextHow => "Uncertainty is the standard deviation of the outcome over the same draws, recomputed with only that lever's range narrowed.", "不确定性指同一批抽样下结果的标准差，仅缩小该杠杆的范围后重新计算。";
    LeversMeasureNothing => "The outcome does not vary with any lever: nothing to measure.", "结果不随任何杠杆变化：无需测量。";
    LeversTornadoChartTitle => "Which lever matters: {0}", "哪个杠杆最重要：{0}";
    LeversImportanceChartTitle => "Which uncertainty matters most: {0}", "哪项不确定性影响最大：{0}";
    LeverProspectingHours => "Prospecting hours", "营销时间";
    LeverChannelYields => "Channel yields (prospects per hour)", "渠道产出（每小时潜在客户）";
    LeverWalkIns => "Walk-in customers", "自行上门客户";
    LeverReferrals => "Customer referrals", "客户转介绍";
    LeverPipelineConversion => "Pipeline conversion", "客户转化速度";
    LeverPipelineLosses => "Prospects lost from the pipeline", "流失的潜在客户";
    LeverApproval => "Approval rates", "审批通过率";
    LeverInvestigationTime => "Investigation time", "调查时间";
    LeverPaperworkTime => "Forms and approval paperwork time", "资料与审批手续时间";
    LeverRenewalTime => "Renewal paperwork time", "续贷手续时间";
    LeverMonitoringTime => "Monitoring and collection time", "贷后管理与催收时间";
    LeverRenewalRates => "Renewal rates", "续贷率";
    LeverDefaultHazards => "Default rates", "违约率";
    LeverMargin => "Interest margin", "利差";
    LeverLoanSize => "Loan size", "贷款金额";
    LeverWorkingWeek => "Productive hours per week", "每周有效工作时间";
    OutcomeBookEnd => "Loans in the book at the end", "期末在贷笔数";
    OutcomeYearlyProfit => "Yearly profit (steady state)", "年度利润（稳态）";
    OutcomeNewLoans => "New loans over the run", "期间新增贷款";
    OutcomeFaultDepth => "Fault depth (fall of new loans)", "断层深度（新增贷款下降）";
    OutcomeHStar => "Prospecting hours that hold the target book (h*)", "维持目标规模所需营销时间（h*）";
    ChartFailed => "This chart could not be drawn.", "该图表无法绘制。";

    ChartActiveTitle => "Active loans by quality tier", "各质量等级在贷户数";
    ChartNewTitle => "New loans per week", "每周新增贷款";
    ChartPipelineTitle => "Pipeline by stage", "客户漏斗各阶段";
    ChartHoursTitle => "Hours per AM by activity", "每位客户经理的工时分配";
    ChartQualityTitle => "Quality mix of the book and of new loans", "存量与新增贷款的质量结构";
    ChartProfitTitle => "Cumulative profit", "累计利润";
    AxisDate => "Week starting", "周起始日期";
    AxisLoans => "Active loans (team)", "在贷户数（团队）";
    AxisNewLoans => "New loans per week (team)", "每周新增贷款（团队）";
    AxisPipeline => "Prospects and applications (team)", "潜在客户与申请（团队）";
    AxisHours => "Hours per AM per week", "小时/人/周";
    AxisShare => "Share of loans (%)", "贷款占比（%）";
    AxisCny => "Cumulative profit (¥, team)", "累计利润（元，团队）";
    LegendFestival => "Festival weeks", "节假日周";
    LegendShock => "Shock weeks", "冲击周";
    LegendFan => "P10–P90 of random runs", "随机模拟 P10–P90";
    LegendRuns => "Individual random runs", "单次随机模拟";
    LegendGhost => "Without the decisions", "未作决策时";
    LegendBaseline => "Without the shock", "无冲击基线";
    LegendNewLoans => "New loans", "新增贷款";
    LegendContacted => "Contacted", "已接触";
    LegendInterested => "Interested", "有意向";
    LegendWaiting => "Applications waiting, by weeks waited", "排队申请（按等待周数）";
    LegendDecisions => "Awaiting the credit decision", "待审批";
    LegendCare => "Portfolio care", "贷后管理";
    LegendRenewals => "Renewals", "续贷";
    LegendInvestigations => "Investigations", "贷前调查";
    LegendProspecting => "Prospecting", "营销获客";
    LegendSlack => "Slack", "空闲";
    LegendAvailable => "Available hours", "可用工时";
    LegendBook => "Book", "存量";
    LegendProfit => "Cumulative profit", "累计利润";
    FaultTroughLabel => "Trough (−{0})", "谷底（−{0}）";
    FaultBelowFrom => "Below the baseline from week {0}", "自第 {0} 周起低于基线";
    FaultBelow => "Below the baseline in weeks {0}–{1}", "第 {0}–{1} 周低于基线";
    FaultDelayText => "Trough {0} weeks after the shock", "冲击后 {0} 周见底";
    FaultLostText => "{0} new loans lost", "损失 {0} 笔新增贷款";

    McTitle => "Monte Carlo: the spread of outcomes", "蒙特卡洛：结果的分布";
    McIntro => "Expected values show the average path; random runs show how far a real team may land from it.", "期望值给出平均路径；随机模拟显示真实团队可能偏离多远。";
    McRuns => "Runs", "模拟次数";
    McSeed => "Seed", "随机种子";
    McRun => "Run {0} simulations", "运行 {0} 次模拟";
    McRunPlain => "Run simulations", "运行模拟";
    McLive => "Follow every change (a quick run after each edit)", "随每次修改更新（每次修改后快速运行）";
    McCancel => "Cancel", "取消";
    McProgress => "{0} of {1} runs", "已完成 {0} / {1} 次";
    McDone => "{0} runs, seed {1}", "{0} 次模拟，种子 {1}";
    McCancelledText => "Cancelled after {0} of {1} runs.", "已在 {0} / {1} 次后取消。";
    McFailedText => "The simulation could not run: {0}", "模拟无法运行：{0}";
    McOutdated => "These runs belong to earlier inputs: run them again.", "这些模拟对应之前的输入，请重新运行。";
    McErrRuns => "Enter a whole number from 10 to 10,000.", "请输入 10 至 10,000 之间的整数。";
    McErrSeed => "Enter a whole number from 0 to 18,446,744,073,709,551,615.", "请输入 0 至 18,446,744,073,709,551,615 之间的整数。";
    McBookEnd => "Team portfolio at the end, P10 / P50 / P90", "期末团队在贷户数 P10 / P50 / P90";
    McBookEndDetail => "expected value {0}", "期望值 {0}";
    McMeanDepth => "Fault depth of the mean path", "平均路径的断档深度";
    McMeanDepthDetail => "trough {0} weeks after the shock", "冲击后 {0} 周见底";
    McRunDepth => "Fault depth per run, P10 / P50 / P90", "单次模拟断档深度 P10 / P50 / P90";
    McRunDepthDetail => "noise floor under a fixed cadence: {0}", "固定节奏下的噪声水平：{0}";
    McNoNoiseFloor => "3-week moving averages", "3 周移动平均";

    RegionLibrary => "Your scenarios", "我的场景";
    UntitledScenario => "Untitled scenario", "未命名场景";
    SharedScenario => "Shared scenario", "分享的场景";
    CurrentUnsaved => "New scenario, not saved yet", "新场景，尚未保存";
    CurrentOpen => "Open:", "当前：";
    StateUnsavedChanges => "unsaved changes", "有未保存的修改";
    StateSaved => "saved", "已保存";
    StateKeptInTab => "kept in this tab only", "只保留在此标签页中";
    StateNotInLibrary => "not in your library", "不在场景库中";
    ScenarioNameLabel => "Name", "名称";
    SaveButton => "Save", "保存";
    SaveAsButton => "Save as new", "另存为新场景";
    ShareButton => "Copy share link", "复制分享链接";
    ShareLinkLabel => "Share link", "分享链接";
    ShareCopied => "Link copied. Whoever opens it sees this scenario; nothing is uploaded.", "链接已复制。打开链接即可看到此场景，数据不会上传。";
    ShareCopyYourself => "Copy the link above to share this scenario.", "请复制上方链接来分享此场景。";
    KeepNeedsValid => "Fix the highlighted input to save, share or download.", "请先修正标出的输入，再保存、分享或下载。";
    ExportScenario => "Download this scenario", "下载此场景";
    ExportLibrary => "Download the library", "下载整个场景库";
    ImportButton => "Import files…", "导入文件…";
    ImportHint => "Scenario and library files (.json); you can also drop them anywhere on the page.", "场景或场景库文件（.json）；也可以拖放到页面任意位置。";
    DropHere => "Drop the files to import them into your library", "松开即可导入到场景库";
    LibraryTitle => "Library ({0})", "场景库（{0}）";
    LibraryEmpty => "Nothing saved yet: save the scenario you are working on, or import files.", "尚未保存任何场景：请保存当前场景，或导入文件。";
    LibraryName => "Name", "名称";
    LibraryModified => "Last modified", "最后修改";
    LibraryActions => "Actions", "操作";
    ModifiedToday => "Today", "今天";
    EntryOpen => "Open", "打开";
    EntryIsOpen => "(open)", "（当前）";
    EntryRename => "Rename", "重命名";
    EntryRenameLabel => "New name for {0}", "{0} 的新名称";
    EntryRenameSave => "Save name", "确定";
    EntryRenameCancel => "Cancel", "取消";
    EntryDuplicate => "Duplicate", "复制";
    EntryExport => "Download", "下载";
    EntryDelete => "Delete", "删除";
    NoticeDismiss => "Dismiss", "关闭";
    NoticeUndo => "Undo", "撤销";
    NoticeStorageUnavailable => "This browser does not let the page keep your work (private browsing or blocked storage): changes are lost when the tab closes. Download a file to keep them.", "浏览器不允许本页面保存数据（隐私模式或存储被禁用）：关闭标签页后修改将丢失。请下载文件保存。";
    NoticeStorageFull => "The browser's storage is full: your changes are kept in this tab only, and nothing stored was changed. Download the library and this scenario to keep them, or delete scenarios you no longer need.", "浏览器存储已满：修改只保留在此标签页中，已存数据未作改动。请下载场景库和此场景保存，或删除不需要的场景。";
    NoticeNewerLibrary => "Your library was saved by a newer Cadence: open it there, or download it. This tab leaves it as it is and works without it; what you save here stays in this tab only.", "场景库由更新版本的 Cadence 保存：请在新版本中打开，或下载保存。此标签页不改动它，在没有它的情况下继续工作；在此保存的内容只保留在此标签页中。";
    NoticeNewerWorkspace => "Your last session was saved by a newer Cadence: open it there, or download it. This tab opened a new scenario and leaves the saved session as it is.", "上次的工作由更新版本的 Cadence 保存：请在新版本中打开，或下载保存。此标签页打开了新场景，不改动已保存的工作。";
    NoticeNewerEntry => "Scenario {0} of your library was saved by a newer Cadence: open it there, or download the library. It stays in your library as it is; the rest loaded.", "场景库中的第 {0} 个场景由更新版本的 Cadence 保存：请在新版本中打开，或下载场景库。它原样保留在场景库中；其余场景已加载。";
    NoticeNewerPin => "Pinned scenario {0} was saved by a newer Cadence: open it there. So as not to overwrite it, this tab does not save your session; download this scenario to keep your changes.", "第 {0} 个固定场景由更新版本的 Cadence 保存：请在新版本中打开。为免覆盖，此标签页不自动保存本次工作；请下载此场景保留修改。";
    NoticeLeftLibrary => "Your library could not be read (its saved data is damaged) and there is no room to set it aside, so it stays as it is: this tab works without it, and what you save here stays in this tab only. Download it to keep a copy.", "场景库无法读取（保存的数据已损坏），且没有空间另存，因此原样保留：此标签页在没有它的情况下继续工作，在此保存的内容只保留在此标签页中。请下载保存副本。";
    NoticeLeftWorkspace => "Your last session could not be restored (its saved data is damaged) and there is no room to set it aside, so it stays as it is; a new scenario was opened, and this tab does not save over it.", "上次的工作无法恢复（保存的数据已损坏），且没有空间另存，因此原样保留；已打开新场景，此标签页不会覆盖它。";
    NoticeLeftEntry => "Scenario {0} of your library could not be read and there is no room to set it aside: it stays in your library as it is; the rest loaded.", "场景库中的第 {0} 个场景无法读取，且没有空间另存：它原样保留在场景库中；其余场景已加载。";
    NoticeLeftPin => "Pinned scenario {0} could not be restored and there is no room to set it aside: so as not to lose it, this tab does not save your session; download this scenario to keep your changes.", "第 {0} 个固定场景无法恢复，且没有空间另存：为免丢失，此标签页不自动保存本次工作；请下载此场景保留修改。";
    NoticeSavedInTab => "Saved as “{0}” in this tab only: the browser is not keeping your library now. Download the library to keep it.", "已保存为“{0}”，但只在此标签页中：浏览器目前无法保存场景库。请下载场景库保存。";
    NoticeBothChanged => "“{0}” was also changed in another tab: both versions are kept, yours as “{1}”.", "“{0}”也在另一个标签页中被修改：两个版本都已保留，您的版本名为“{1}”。";
    NoticeDeletedElsewhere => "“{0}” was deleted in another tab; your saved changes keep it in the library.", "“{0}”已在另一个标签页中删除；您保存的修改使它保留在场景库中。";
    NoticeChangedElsewhere => "“{0}” was changed in another tab, so it was not deleted.", "“{0}”已在另一个标签页中被修改，因此未删除。";
    NoticeDownloadStored => "Download the saved data", "下载已保存的数据";
    NoticeRecoveredWorkspace => "Your last session could not be restored because its saved data is damaged. It was kept aside under “{0}”; a new scenario was opened.", "上次的工作无法恢复：保存的数据已损坏。已另存于“{0}”，并打开了新场景。";
    NoticeRecoveredLibrary => "Your library could not be read because its saved data is damaged. It was kept aside under “{0}”.", "场景库无法读取：保存的数据已损坏。已另存于“{0}”。";
    NoticeRecoveredEntry => "Scenario {0} of your library could not be read and was kept aside under “{1}”; the rest of the library loaded.", "场景库中的第 {0} 个场景无法读取，已另存于“{1}”；其余场景已加载。";
    NoticeRecoveredPin => "Pinned scenario {0} could not be restored and was kept aside under “{1}”.", "第 {0} 个固定场景无法恢复，已另存于“{1}”。";
    NoticeFileRejected => "“{0}” was not imported; nothing was changed. Problems:", "“{0}”未导入，未作任何修改。问题：";
    NoticeFileTooLarge => "“{0}” was not imported: it is larger than any scenario or library file (over 5 MB).", "“{0}”未导入：文件超过 5 MB，不是场景或场景库文件。";
    NoticeFileUnreadable => "“{0}” could not be read; nothing was changed.", "无法读取“{0}”，未作任何修改。";
    NoticeLinkRejected => "This share link could not be opened; nothing was changed.", "此分享链接无法打开，未作任何修改。";
    LinkEncoding => "The link is incomplete or was altered: it holds characters a share link never has. Copy the whole link again.", "链接不完整或被改动：含有分享链接不会有的字符。请重新复制完整链接。";
    LinkDamaged => "The link is damaged or cut short. Copy the whole link again.", "链接已损坏或被截断。请重新复制完整链接。";
    LinkTooLarge => "The link is far larger than any scenario; it was not made by this page.", "链接远大于任何场景，并非由本页面生成。";
    ClassNotALink => "This is not a classroom link: it should contain #join= or #handin=. Copy the whole link again.", "这不是课堂链接：链接中应含有 #join= 或 #handin=。请重新复制完整链接。";
    ClassWrongKind => "This is a join link, not a hand-in (or the reverse): check which link goes where.", "这是加入链接而不是提交链接（或正好相反）：请检查链接的用途。";
    ClassTruncated => "The link is cut short: characters are missing. Copy the whole link again, or hand in the file.", "链接被截断：缺少字符。请重新复制完整链接，或提交文件。";
    ClassAltered => "The link was altered: its checksum does not match what it carries. Copy it again from the participant's screen or file.", "链接已被改动：校验码与内容不符。请从学员的屏幕或文件重新复制。";
    ClassNewerFormat => "This link was made by a newer Cadence (format {0}); open it with the latest page.", "此链接由更新版本的 Cadence 生成（格式 {0}）；请用最新页面打开。";
    ClassWrongSession => "This hand-in belongs to another session: it was played from a different join link.", "此提交属于另一场课堂：它来自不同的加入链接。";
    ClassUnknownLesson => "This Cadence has no lesson called \"{0}\".", "此版本的 Cadence 没有名为“{0}”的课程。";
    ClassLessonChanged => "The lesson has changed since the session was opened (another release of Cadence); open a new session.", "自课堂开设以来课程已更改（Cadence 已更新）；请重新开设课堂。";
    ClassNotAllowed => "Week {0}: the session does not allow “{1}” then.", "第 {0} 周：本课堂不允许在该周进行“{1}”。";
    ClassBadName => "The name must have 1 to 40 visible characters.", "姓名须为 1 至 40 个可见字符。";
    ClassBadOrder => "The decisions are out of week order or later than the week handed in.", "决策的周次顺序有误，或晚于提交的周次。";
    ClassBadWeek => "A week lies past the end of the lesson.", "有周次超出课程的结束周。";
    ClassTooMany => "A hand-in holds at most 255 decisions.", "一次提交最多包含 255 项决策。";
    ClassBadHours => "A decision's hours are outside 0 to the team's working week.", "某项决策的小时数不在 0 到团队每周工时之间。";
    ClassBadRules => "The session's rules are incomplete: choose the lesson, at least one decision and a round of at least 1 week.", "课堂规则不完整：请选择课程、至少一种决策，以及至少 1 周的轮次。";
    ClassMoveStop => "stop prospecting", "停止营销";
    ClassMoveResume => "back to the policy", "恢复原策略";
    ClassMoveSetHours => "set prospecting hours", "设定营销小时数";
    ClassMoveFloor => "keep at least these hours", "至少保持这些小时数";
    ClassSeedProblem => "The seed must be a whole number from 0 up.", "随机种子须为 0 或更大的整数。";
    ClassRoundsProblem => "A round must last 1 to 52 weeks.", "每轮须为 1 至 52 周。";
    ClassWeekOf => "Week {0} of {1}", "第 {0} 周，共 {1} 周";
    ClassBook => "Loans in the book", "在贷笔数";
    ClassPipeline => "Pipeline per AM", "人均待处理";
    ClassProspecting => "Prospecting, h per AM per week", "营销时长（小时/人/周）";
    ClassNextDecision => "Next decision in week {0}", "下次决策在第 {0} 周";
    ClassHandedIn => "Handed in at week {0}. Show this code to the trainer, or send the link or the file.", "已在第 {0} 周提交。请向培训师出示此二维码，或发送链接或文件。";
    ClassRankBook => "book at the end", "期末在贷笔数";
    ClassRankProfit => "profit", "利润";
    ClassRankLost => "loans lost to the fault", "断层损失的贷款";
    ClassPastedLine => "line", "行";
    ViewClassroom => "Classroom", "课堂";
    ClassOpenTitle => "Open a session", "开设课堂";
    ClassOpenIntro => "Participants join by scanning this code or opening the link on their phones; nothing goes through a server.", "学员用手机扫描此二维码或打开链接即可加入；全程不经过服务器。";
    ClassOpenButton => "Open a session", "开设课堂";
    ClassLesson => "Lesson", "课程";
    ClassSeed => "Seed", "随机种子";
    ClassRounds => "Decide every … weeks", "每隔几周决策一次";
    ClassAllowed => "Decisions participants may take", "学员可做的决策";
    ClassHidden => "Hide the lesson's shocks until they arrive", "冲击发生前不向学员透露";
    ClassJoinLink => "Join link", "加入链接";
    ClassSessionId => "Session {0}", "课堂编号 {0}";
    ClassCollectTitle => "Collect hand-ins", "收集提交";
    ClassCollectButton => "Collect hand-ins", "收集提交";
    ClassPasteLabel => "Paste hand-in links, one a line, or drop hand-in files on the page", "粘贴提交链接（每行一个），或将提交文件拖到页面上";
    ClassAddPasted => "Add", "添加";
    ClassCameraButton => "Scan hand-in QR codes with the camera", "用摄像头扫描提交二维码";
    ClassCameraStop => "Stop the camera", "关闭摄像头";
    ClassCameraNote => "The picture is read in this page only; nothing is recorded or sent.", "画面只在本页面中读取，不会录制或发送。";
    ClassCameraStarting => "Opening the camera…", "正在打开摄像头…";
    ClassCameraOn => "Camera on: hold a hand-in QR code up to it. Read so far: {0}.", "摄像头已打开：请将提交二维码对准摄像头。已读取：{0} 个。";
    ClassCameraFailed => "The camera could not be opened ({0}): paste the links or pick the files instead.", "无法打开摄像头（{0}）：请改为粘贴链接或选择文件。";
    ClassCameraSource => "camera", "摄像头";
    ClassFilesLabel => "Or pick hand-in files", "或选择提交文件";
    ClassRankBy => "Rank by", "排名依据";
    ClassColRank => "Rank", "名次";
    ClassColName => "Name", "姓名";
    ClassColWeeks => "Weeks played", "已玩周数";
    ClassColBook => "Book at the end", "期末在贷笔数";
    ClassColProfit => "Profit", "利润";
    ClassColLost => "Loans lost to the fault", "断层损失的贷款";
    ClassColDecisions => "Decisions (week: decision)", "决策（周：决策）";
    ClassRefused => "Refused", "已拒收";
    ClassYourName => "Your name", "你的姓名";
    ClassDecide => "Decide", "决策";
    ClassHours => "Hours per AM per week", "每人每周小时数";
    ClassPlayOn => "Play on", "继续";
    ClassHandIn => "Hand in", "提交";
    ClassHandInLink => "Hand-in link", "提交链接";
    ClassDownloadHandIn => "Download the hand-in file", "下载提交文件";
    ClassDecisionsSoFar => "Your decisions", "你的决策";
    ClassNoSession => "Open this view from the join link the trainer shows.", "请通过培训师展示的加入链接打开此页面。";
    ClassDebriefTitle => "Debrief", "复盘";
    ClassRoomBookTitle => "The room's book: every participant's active loans", "全班在贷户数：每位学员的在贷户数";
    ClassRoomNewTitle => "The room's new loans per week", "全班每周新增贷款";
    ClassRoomBand => "Room P10–P90", "全班 P10–P90";
    ClassRoomMedian => "Room median", "全班中位数";
    ClassRoomBest => "Best: {0}", "最佳：{0}";
    ClassRoomWorst => "Worst: {0}", "最差：{0}";
    ClassRoomOthers => "Other participants", "其他学员";
    ClassDownloadDecisions => "Download every decision (CSV)", "下载全部决策（CSV）";
    ClassTimelineTitle => "Decision timelines", "决策时间线";
    ClassTimelineOf => "{0}'s decisions", "{0}的决策";
    ClassTimelineNone => "No decisions", "未作决策";
    ClassMarkWeek => "W{0}", "第{0}周";
    ClassMarkStop => "stop", "停";
    ClassMarkResume => "resume", "恢复";
    ClassMarkSet => "= {0} h", "= {0} 小时";
    ClassMarkFloor => "≥ {0} h", "≥ {0} 小时";
    ClassMarkLabel => "Week {0}: {1}", "第 {0} 周：{1}";
    ClassMarkLabelHours => "Week {0}: {1}, {2} h per AM per week", "第 {0} 周：{1}，每人每周 {2} 小时";
    ClassStopped => "Stopped prospecting: {0}", "停止营销：{0}";
    ClassStoppedWeek => "week {0} — {1}", "第 {0} 周 — {1}";
    ClassStoppedNobody => "Nobody stopped prospecting.", "没有学员停止营销。";
    ClassFileNotJson => "This is not a session file: it is not JSON (or it was cut short). Open the file Cadence downloaded.", "这不是课堂存档文件：它不是 JSON 格式（或已被截断）。请打开 Cadence 下载的文件。";
    ClassFileForeign => "This is not a Cadence classroom session file. Open the file from “Download the session file”.", "这不是 Cadence 课堂存档文件。请打开通过“下载课堂存档”得到的文件。";
    ClassFileNewer => "This session file was written by a newer Cadence (format {0}); open it with the latest page.", "此课堂存档由更新版本的 Cadence 写入（格式 {0}）；请用最新页面打开。";
    ClassFileTooLarge => "This file is too large to be a session file (over 4 MB).", "此文件过大，不是课堂存档（超过 4 MB）。";
    ClassFileDamaged => "This session file is damaged: {0} is missing or unreadable.", "此课堂存档已损坏：{0}缺失或无法读取。";
    ClassFileLink => "The session link in this file was refused: {0}", "此存档中的课堂链接被拒绝：{0}";
    ClassFilePartLink => "the session link", "课堂链接";
    ClassFilePartId => "the session id (it does not match the link)", "课堂编号（与链接不符）";
    ClassFilePartScore => "the score the room is ranked on", "排名依据";
    ClassFilePartRounds => "the list of rounds", "轮次列表";
    ClassFilePartRound => "round {0}", "第 {0} 轮";
    ClassFilePartHandIn => "hand-in {1} of round {0}", "第 {0} 轮的第 {1} 份提交";
    ClassFileRefused => "{0} was not opened: {1} Nothing on the page changed.", "未打开 {0}：{1} 页面内容未作任何更改。";
    ClassFileOpened => "Opened {0}: round {1}, {2} hand-ins replayed.", "已打开 {0}：第 {1} 轮，已重放 {2} 份提交。";
    ClassDownloadSession => "Download the session file", "下载课堂存档";
    ClassOpenSessionFile => "Open a session file", "打开课堂存档";
    ClassStartRound => "Start round {0}", "开始第 {0} 轮";
    ClassCollectingRound => "Collecting round {0}. Earlier rounds are kept to compare.", "正在收集第 {0} 轮。之前各轮已保留以供对比。";
    ClassRoundsTitle => "Round by round: {0}", "各轮对比：{0}";
    ClassRoundCol => "Round {0}", "第 {0} 轮";
    ClassRoundsMedian => "Room median", "全班中位数";
    ClassShowBestWorst => "Show best and worst", "并排显示最佳与最差";
    ClassHideBestWorst => "Back to the whole room", "返回全班";
    ClassStageTitle => "Best and worst, side by side", "最佳与最差并排对比";
    ClassStageBest => "Best: {0}", "最佳：{0}";
    ClassStageWorst => "Worst: {0}", "最差：{0}";
    ClassStageScore => "{0}: {1}", "{0}：{1}";
    ClassStageBook => "Loans in the book", "在贷笔数";
    ClassStageNew => "New loans per week", "每周新增贷款";
    ClassYourRun => "Your team", "你的团队";
    ClassReplaced => "The room on the page before held hand-ins this file does not; it is kept as a file.", "打开前页面上的课堂含有此存档没有的提交；已另存为文件。";
    ClassDownloadReplaced => "Download the room that was replaced", "下载被替换的课堂";
    NoticeImported => "Imported into your library: {0}.", "已导入到场景库：{0}。";
    NoticeImportedMore => "Imported {0} scenarios into your library: {1} and {2} more.", "已将 {0} 个场景导入场景库：{1}，另有 {2} 个。";
    NoticeImportChecking => "Importing “{0}”: {1} of {2} scenarios checked…", "正在导入“{0}”：已检查 {1} / {2} 个场景……";
    NoticeImportAdding => "Importing “{0}”: {1} of {2} scenarios added…", "正在导入“{0}”：已添加 {1} / {2} 个场景……";
    LibraryShowMore => "Show {0} more ({1} not shown)", "再显示 {0} 个（还有 {1} 个未显示）";
    NoticeMigratedFile => "“{0}” was written in an older format (version {1}) and was updated.", "“{0}”使用旧版格式（版本 {1}），已自动升级。";
    NoticeMigratedLink => "The link was made in an older format (version {0}) and was updated.", "此链接使用旧版格式（版本 {0}），已自动升级。";
    NoticeOpenedLink => "Opened the shared scenario “{0}” as a new, unsaved scenario; your library is unchanged. Save it to keep it.", "已将分享的场景“{0}”作为未保存的新场景打开，场景库未改动。如需保留请保存。";
    NoticeKeptUnsaved => "Your unsaved scenario was kept in the library as “{0}”.", "未保存的场景已保留在场景库中，名为“{0}”。";
    NoticeSaved => "Saved in your library as “{0}”.", "已保存到场景库：“{0}”。";
    NoticeDeleted => "Deleted “{0}”.", "已删除“{0}”。";
    ProblemsMore => "… and {0} more.", "……另有 {0} 项。";
    ProblemEntry => "Scenario {0}", "第 {0} 个情景";
    ProblemDecisions => "Decisions", "决策";
    ProblemVersion => "File format version", "文件格式版本";
    ProblemFormat => "Kind of file", "文件类型";
    ErrSyntax => "This is not valid JSON.", "不是有效的 JSON。";
    ErrUnsupportedVersion => "This format version cannot be read (got {0}).", "无法读取此格式版本（当前 {0}）。";
    ErrUnknownField => "Unknown field “{0}”.", "未知字段“{0}”。";
    ErrMissingField => "This field is required.", "缺少必填字段。";
    ErrInvalidType => "This value has the wrong type (got {0}).", "值的类型不对（当前 {0}）。";

    AutoPlaceholder => "auto (h*)", "自动（h*）";
    ValidRange => "Valid:", "有效范围：";
    OtherProblems => "Also fix:", "还需修正：";
    PolicyFixed => "(a) Fixed cadence every week", "(a) 每周固定营销";
    PolicyStopWhenBusy => "(b) Prospect only when not busy", "(b) 忙时停止营销";
    PolicyTargetPipeline => "(c) Keep the pipeline at a target", "(c) 保持目标漏斗";
    CalendarNone => "None", "无";
    CalendarChina => "Chinese holidays (Spring Festival week 6, Mid-Autumn week 38)", "中国节假日（春节第 6 周，中秋第 38 周）";
    ShowAdvanced => "Show all inputs", "显示全部参数";
    HideAdvanced => "Show the main inputs only", "仅显示主要参数";
    StaleResults => "Showing the last valid results: fix the highlighted input to update them.", "当前显示的是上次有效结果：请修正标出的输入以更新。";

    KpiHStar => "Prospecting needed", "所需营销工时";
    KpiHStarHint => "h* in the model: the prospecting hours per AM a week that keep the book at the target once it has settled.", "模型中的 h*：组合稳定后，维持目标在贷户数所需的每人每周营销工时。";
    KpiHStarDetail => "h per AM per week to hold the target · team {0} h a week", "小时/人/周，维持目标所需 · 团队每周 {0} 小时";
    KpiAStar => "Portfolio this cadence holds", "该节奏可维持的在贷户数";
    KpiAStarHint => "A* in the model: the book per AM that this cadence's prospecting hours settle at.", "模型中的 A*：按当前营销节奏，组合最终稳定在的每人在贷户数。";
    KpiAStarDetail => "loans per AM at {0} h of prospecting", "户/人，营销 {0} 小时时";
    KpiAMax => "Most loans the hours allow", "工时上限可管户数";
    KpiAMaxHint => "A_max in the model: the largest book per AM the working hours can serve and still refill.", "模型中的 A_max：在可用工时内既能维护又能补充的最大每人在贷户数。";
    KpiABreakEven => "Break-even portfolio", "盈亏平衡户数";
    KpiABreakEvenHint => "A_BE in the model: the smallest book per AM whose margin pays for the AM's hours.", "模型中的 A_BE：利差足以覆盖客户经理工时成本的最小每人在贷户数。";
    KpiAtHours => "loans per AM, at {0} h of prospecting", "户/人，营销 {0} 小时";
    KpiSlack => "Slack at the target", "目标下的空闲工时";
    KpiSlackDetail => "h per AM per week · {0} of hours used", "小时/人/周 · 工时利用率 {0}";
    KpiYearlyProfit => "Yearly profit per AM", "每人年利润";
    KpiYearlyProfitDetail => "at the target, steady state · team {0}", "目标稳态 · 团队 {0}";
    KpiLoopGain => "Referrals each new customer brings", "每位新客户带来的转介绍";
    KpiLoopGainHint => "The referral loop gain in the model: new customers that one new customer brings in through introductions, and those bring in turn. Below 1 the loop settles.", "模型中的转介绍循环增益：一位新客户通过介绍带来的新客户数（被介绍者再介绍也计入）。小于 1 时循环会稳定。";
    KpiLoopGainDetail => "referrals bring {0} of new leads", "转介绍占新线索 {0}";
    KpiBookAtEnd => "Team portfolio at the end", "期末团队在贷户数";
    KpiBookAtEndDetail => "loans · {0} per AM after {1} weeks", "户 · {1} 周后每人 {0} 户";
    KpiPar30 => "PAR30", "PAR30 逾期率";
    KpiPar30Detail => "past-due loans / performing loans, average", "逾期户数 / 正常户数，平均";
    KpiFaultDepth => "Fault depth", "断档深度";
    KpiFaultDepthDetail => "deepest drop of new loans below the baseline, in week {0}", "新增贷款低于基线的最大跌幅，第 {0} 周";
    KpiNoFault => "new loans never fall below the baseline", "新增贷款从未低于基线";
    KpiFaultDelay => "Weeks from shock to trough", "冲击到谷底的周数";
    KpiFaultDelayDetail => "new loans first 5% down after {0} weeks", "{0} 周后新增贷款首次下降 5%";
    KpiFaultDuration => "Weeks below the baseline", "低于基线的周数";
    KpiFaultDurationDetail => "weeks with new loans 5% or more below the baseline", "新增贷款低于基线 5% 以上的周数";
    KpiFaultLost => "New loans lost to the fault", "断档损失的新增贷款";
    KpiPerAm => "{0} per AM", "每人 {0}";
    KpiUnitEconomics => "Contribution of one new loan, over its life", "每笔新贷款的全周期贡献";
    KpiUnitDetail => "income {0}, expected loss {1}, {2} h of AM time", "收入 {0}，预期损失 {1}，耗时 {2} 小时";
    KpiWarnings => "Warnings", "提示";

    WarnTargetNeedsMoreHours => "Holding the target needs more hours than the working week ({0} h).", "维持目标所需工时超过每周工时（{0} 小时）。";
    WarnHStarZero => "Walk-ins and referrals alone hold the target: no prospecting is needed.", "仅靠上门与转介绍即可维持目标，无需营销。";
    WarnProfitNegative => "At the target the team loses money ({0} ¥ per AM-week).", "在目标户数下团队亏损（每人每周 {0} 元）。";
    WarnNoBreakEven => "No portfolio the hours allow breaks even.", "工时允许的任何户数都无法盈亏平衡。";
    WarnHighGain => "A controller gain above 0.6 ({0}) risks oscillation.", "调节力度高于 0.6（{0}）可能导致振荡。";
    WarnNoSteadyState => "The referral loop gain is 1 or more: the portfolio has no steady state.", "转介绍循环增益不小于 1：组合没有稳态。";
    WarnNoSustainableCaseload => "Even without prospecting the work needs more than the working week.", "即使不营销，工作量也超过每周工时。";

    ErrNotANumber => "Enter a number.", "请输入数字。";
    ErrEmpty => "This value is required.", "此项必填。";
    ErrOutOfRange => "Must be between {0} and {1} (got {2}).", "必须在 {0} 至 {1} 之间（当前 {2}）。";
    ErrOutOfRangeWords => "must be {0} (got {1})", "必须{0}（当前 {1}）。";
    ErrOutOfRangeGeneric => "Out of range (got {0}).", "超出范围（当前 {0}）。";
    ErrNotInteger => "Must be a whole number (got {0}).", "必须为整数（当前 {0}）。";
    ErrExitPairAboveOne => "The two weekly chances must not add up to more than 1.", "两项每周概率之和不能超过 1。";
    ErrExitPairZero => "The two weekly chances cannot both be 0.", "两项每周概率不能同时为 0。";
    ErrSumNotOne => "These shares must add up to 1.", "这些比例之和必须为 1。";
    ErrDuplicateTerm => "A term length is listed twice.", "贷款期限重复。";
    ErrFloorAboveCap => "The floor must not exceed the cap.", "最低工时不能超过上限。";
    ErrMinAboveMax => "The lowest hours must not exceed the highest.", "工时下限不能超过上限。";
    ErrShockStart => "The shock starts after the last simulated week.", "冲击开始时间晚于模拟期末。";
    ErrShockTooShort => "A shock lasts at least one week.", "冲击至少持续一周。";
    ErrLoopGain => "Referrals feed themselves without limit: lower the network size or the introduction rates.", "转介绍无限自我放大：请降低周边人数或介绍概率。";
    ErrUnreachableTarget => "No amount of prospecting with this channel mix holds this portfolio.", "以当前渠道组合，无论营销多少都无法维持该户数。";
    ErrInitOutsideRange => "The starting portfolio cannot be held in a steady state.", "起始户数无法处于稳态。";
    ErrInvalid => "This value is not valid.", "此值无效。";

    GroupTeam => "Team", "团队";
    GroupTimes => "Time per activity", "各项工作用时";
    GroupChannels => "Prospecting channels", "获客渠道";
    GroupPipeline => "Pipeline", "客户漏斗";
    GroupLoans => "Loans and credit", "贷款与信用";
    GroupReferrals => "Referrals", "老客户转介绍";
    GroupCalendar => "Calendar and shocks", "节假日与冲击";
    GroupPolicy => "Cadence policy", "营销节奏策略";

    FieldAms => "Account managers", "客户经理人数";
    FieldHoursPerWeek => "Productive hours", "每周有效工时";
    FieldTargetLoans => "Target portfolio", "目标在贷户数";
    FieldHorizonWeeks => "Weeks to simulate", "模拟周数";
    FieldStartDate => "First week starts", "第一周开始日期";
    FieldCostPerHour => "Cost of an AM hour", "客户经理每小时成本";
    FieldInvestigation => "Investigation", "贷前调查";
    FieldForm => "Investigation form", "调查报告填写";
    FieldApproval => "Approval and disbursement", "审批与放款";
    FieldRenewal => "Renewal re-underwriting", "续贷审查";
    FieldMonitoring => "Monitoring per loan", "每笔贷后管理";
    FieldCollection => "Collection per past-due loan", "每笔逾期催收";
    FieldChannelShare => "Share of hours", "工时占比";
    FieldChannelLeads => "Prospects per hour", "每小时潜在客户";
    FieldChannelSaturation => "Saturation", "饱和工时";
    FieldChannelCash => "Cash cost", "现金成本";
    FieldContactedAdvance => "Contacted → interested", "接触 → 有意向";
    FieldContactedLost => "Contacted → lost", "接触 → 流失";
    FieldInterestedAdvance => "Interested → application", "有意向 → 申请";
    FieldInterestedLost => "Interested → lost", "有意向 → 流失";
    FieldRenege => "Waiting applications withdrawn", "排队申请撤回";
    FieldQueueWeeks => "Longest wait before the customer leaves", "客户最长等待";
    FieldApprovalProb => "Approval rate", "审批通过率";
    FieldInbound => "Walk-in leads", "主动上门客户";
    FieldAmount => "Loan amount", "贷款金额";
    FieldNim => "Net interest margin", "净息差";
    FieldRenewalProb => "Renewal rate", "续贷率";
    FieldDefaultHazard => "Weekly default hazard", "每周违约概率";
    FieldCure => "Past-due cured", "逾期结清";
    FieldWriteOff => "Past-due written off", "逾期核销";
    FieldLgd => "Loss given default", "违约损失率";
    FieldMonitoringPenalty => "Default uplift when monitoring is skipped", "贷后管理缺位的违约上升";
    FieldNetworkSize => "People around each customer", "每位客户周边人数";
    FieldNetworkNeed => "Share needing a loan each year", "每年有贷款需求的比例";
    FieldIntroduce => "Introduces a contact", "介绍新客户概率";
    FieldRealise => "Introduction realised", "介绍转化";
    FieldLapse => "Introduction lapses", "介绍失效";
    FieldFixedHours => "Prospecting hours (fixed)", "固定营销工时";
    FieldFloorHours => "Minimum prospecting (floor)", "最低营销工时";
    FieldCapHours => "Prospecting cap", "营销工时上限";
    FieldCoverage => "Target pipeline coverage", "目标漏斗覆盖";
    FieldGain => "Controller gain", "调节力度";
    FieldMinHours => "Lowest prospecting hours", "营销工时下限";
    FieldMaxHours => "Highest prospecting hours", "营销工时上限（调节）";
    FieldPolicyKind => "Policy", "策略";
    FieldCalendar => "Seasonality", "季节性";
    FieldSpringFestivalWeek => "Spring Festival week", "春节所在周";
    FieldMidAutumnWeek => "Mid-Autumn week", "中秋所在周";
    FieldQueueOrder => "Investigation order", "调查顺序";

    UnitAms => "AMs", "人";
    UnitHoursPerAmWeek => "h per AM per week", "小时/人/周";
    UnitLoansPerAm => "loans per AM", "户/人";
    UnitWeeks => "weeks", "周";
    UnitCnyPerHour => "¥ per hour", "元/小时";
    UnitHoursPerCase => "h per case", "小时/笔";
    UnitHoursPerLoanWeek => "h per loan per week", "小时/笔/周";
    UnitHoursPerPastDueWeek => "h per past-due loan per week", "小时/笔逾期/周";
    UnitProspectsPerHour => "prospects per hour", "个/小时";
    UnitLeadsPerAmWeek => "leads per AM per week", "个/人/周";
    UnitCny => "¥", "元";
    UnitSharePerYear => "per year (0.06 = 6%)", "每年（0.06 = 6%）";
    UnitPerWeek => "per week (0–1)", "每周（0–1）";
    UnitPeople => "people", "人";
    UnitFactor => "factor", "倍数";
    UnitShare => "share (0–1)", "比例（0–1）";
    UnitRuns => "runs", "次";
    UnitSuffix => " {0}", "，单位：{0}";
    RangeBetween => "between {0} and {1}", "在 {0} 至 {1} 之间";
    RangeAboveUpTo => "more than {0} and at most {1}", "大于 {0} 且不超过 {1}";
    RangeFromBelow => "at least {0} and less than {1}", "不小于 {0} 且小于 {1}";
    RangeAboveBelow => "more than {0} and less than {1}", "大于 {0} 且小于 {1}";
    RangeAtLeast => "at least {0}", "不小于 {0}";
    RangeMoreThan => "more than {0}", "大于 {0}";
    HintWhole => "{0}, whole numbers", "{0}，整数";
    ErrRangeNumber => "must be in {0}: {1}{3} (got {2})", "必须{1}{3}（{0}，当前 {2}）。";
    ErrRangeWhole => "must be in {0}: a whole number {1}{3} (got {2})", "必须为整数，且{1}{3}（{0}，当前 {2}）。";
    ErrInvalidTypeNumber => "Expected a number (got {0}).", "应为数字（当前 {0}）。";
    ErrInvalidTypeWhole => "Expected a whole number (got {0}).", "应为整数（当前 {0}）。";

    TierPrime => "Prime", "优质";
    TierStandard => "Standard", "标准";
    TierMarginal => "Marginal", "边缘";

    ChannelColdVisit => "Cold visits", "陌生拜访";
    ChannelPhoneSms => "Phone and SMS", "电话短信";
    ChannelFlyer => "Flyers", "派发传单";
    ChannelOnlinePost => "Online posts", "网络发帖";
    ChannelMedia => "Media ads", "媒体广告";
    ChannelPeerBroker => "Peer brokers", "同行转单";
    ChannelSupplyChain => "Supply chain", "供应链（线）";
    ChannelEvent => "Events and lectures", "活动讲座（圈）";
    ChannelAssociation => "Trade associations", "商会联盟（面）";

    HelpAms => "The team's account managers; all are assumed alike.", "团队的客户经理人数，按同等能力计算。";
    HelpHoursPerWeek => "How many hours a week does one AM have for customers, once meetings and reports are done? For example, a 44-hour week with 4 hours of meetings gives 40.", "一位客户经理每周除去会议和报表后，能用于客户的工时是多少？例如每周 44 小时、会议 4 小时，即为 40。";
    HelpTargetLoans => "How many loans should each AM look after? 120 is the low end of the 100–400 microfinance caseload, because these loans are individually investigated.", "每位客户经理应管理多少笔贷款？120 户处于小微信贷 100–400 户管户量的低端，因为这些贷款都需逐笔调查。";
    HelpHorizonWeeks => "How far ahead to look: 13 to 156 weeks.", "向前模拟的周数：13 至 156 周。";
    HelpStartDate => "The Monday of the first simulated week; it sets the dates on the charts and the week of the year for festivals.", "第一周的周一；决定图表日期以及节假日所在周。";
    HelpCostPerHour => "Fully loaded cost of a paid AM hour (salary, benefits, office): 150 ¥.", "客户经理每小时的全成本（工资、福利、办公）：150 元。";
    HelpInvestigation => "How many hours does one investigation take, by customer quality? The article: 2–3 h, and 1–2 h for the report; marginal applicants keep informal books, so they take longer.", "一次贷前调查需要多少小时（按客户质量）？原文：调查 2–3 小时，报告 1–2 小时；边缘客户账目不规范，耗时更长。";
    HelpApproval => "Approval pack, contract and disbursement: 1 h.", "审批材料、合同与放款：1 小时。";
    HelpRenewal => "Re-underwriting a maturing customer who renews: 1.5 h.", "到期客户续贷的重新审查：1.5 小时。";
    HelpMonitoring => "About 4–7 h a year per loan: a post-disbursement check, quarterly return visits and monthly calls.", "每笔贷款每年约 4–7 小时：放款后检查、季度回访与月度电话。";
    HelpCollection => "Hours each week per loan 30+ days past due.", "每笔逾期 30 天以上贷款每周的催收工时。";
    HelpChannelShare => "How prospecting hours are split across channels; the shares must add up to 1.", "营销工时在各渠道间的分配；合计必须为 1。";
    HelpChannelYield => "Prospects per hour: how many new prospects the first hour on this channel brings. Saturation: after about how many hours a week the channel runs dry (the street walked, the list called) — hours beyond it bring little more. In the model: prospects per AM-week = a·s·(1 − e^(−h/s)).", "每小时潜在客户：在该渠道投入的头一个小时能带来多少新的潜在客户。饱和工时：每周投入约多少小时后该渠道就“枯竭”（街道已走遍、名单已打完），再多投入收效甚微。模型公式：每人每周潜在客户 = a·s·(1 − e^(−h/s))。";
    HelpChannelCash => "Cash spent per prospecting hour on this channel (printing, ads, venues).", "该渠道每营销小时的现金支出（印刷、广告、场地）。";
    HelpStages => "Weekly chances of moving on or being lost: a contacted prospect becomes interested in about 1.7 weeks on average; 42% get there.", "每周前进或流失的概率：接触客户平均约 1.7 周转为有意向，约 42% 能转化。";
    HelpQueue => "Applications waiting for investigation: some withdraw each week, and after the longest wait the customer borrows elsewhere.", "等待调查的申请：每周有部分撤回，超过最长等待后客户转向他处。";
    HelpApprovalProb => "Of 10 applications you investigate, how many are approved, by customer quality? 8 of 10 is 0.8.", "调查的 10 笔申请中有几笔获批（按客户质量）？10 笔中 8 笔即 0.8。";
    HelpInbound => "The article: AMs are \"not allowed to wait for customers\", so walk-ins are kept small.", "原文：客户经理“不允许坐等客户上门”，因此上门客户很少。";
    HelpAmountNim => "Loan size and annual net interest margin by tier; margins are risk-priced.", "各级客户的贷款金额与年净息差；息差按风险定价。";
    HelpRenewalProb => "Of 10 customers whose loan ends, how many take a new one? 6.5 of 10 is 0.65; microfinance keeps 60–80%.", "10 位贷款到期的客户中，有几位会续贷？10 位中 6.5 位即 0.65；小微信贷留存率约 60–80%。";
    HelpCredit => "How often a loan falls 30+ days past due, as a chance each week: 0.0004 a week is about 2 in 100 loans a year (7.5 and 21 in 100 for standard and marginal customers); two thirds of them cure. Losses come to about 1.1% of the balance a year.", "贷款每周进入逾期 30 天以上的概率：每周 0.0004 约等于每年每 100 笔中 2 笔（标准和边缘客户分别约 7.5 和 21 笔）；其中约三分之二会结清。年损失约为余额的 1.1%。";
    HelpMonitoringPenalty => "How much the default hazard rises when monitoring hours are not served.", "贷后管理工时不足时违约概率上升的幅度。";
    HelpReferrals => "The article: one standard customer has about 150 potential customers around; 10% need a loan each year.", "原文：一个标准客户周围约有 150 个潜在客户；每年约 10% 有贷款需求。";
    HelpReferralStages => "Weekly chance that a pending introduction turns into a lead, or lapses.", "待转化介绍每周转为线索或失效的概率。";
    HelpFixedHours => "Policy (a): the same prospecting hours every week, whatever the workload. Empty = h*, the hours that hold the target.", "策略 (a)：无论工作多忙，每周固定营销工时。留空 = h*，即维持目标所需工时。";
    HelpFloorHours => "Policy (b): hours kept for prospecting even in a busy week (the mandatory floor).", "策略 (b)：再忙也保留的营销工时（强制底线）。";
    HelpCapHours => "Policy (b): prospect only with hours left after investigations, up to this cap. Empty = h*.", "策略 (b)：只用调查后剩余的工时营销，不超过此上限。留空 = h*。";
    HelpTargetPipeline => "Policy (c): steer prospecting hours to keep the pipeline at a target coverage. Empty coverage = the natural coverage at h*.", "策略 (c)：调节营销工时，使漏斗保持目标覆盖。覆盖留空 = h* 下的自然覆盖。";

    // ── Views and trainer mode (#5): add keys right below this line. ──
    // Fault narration and the shock editor's interventions (engine helper).
    NarrationBoth => "Prospecting fell below half its usual hours in {1}, to as little as {0} h per AM; new loans fell {2} by week {3}.", "{1}营销工时不足平常的一半，最低降至每人 {0} 小时；新增贷款到第 {3} 周下降 {2}。";
    NarrationProspecting => "Prospecting fell below half its usual hours in {1}, to as little as {0} h per AM.", "{1}营销工时不足平常的一半，最低降至每人 {0} 小时。";
    NarrationNewLoans => "New loans fell {0} by week {1}.", "新增贷款到第 {1} 周下降 {0}。";
    NarrationRecovered => " New loans were back within 5% of the baseline by week {0}.", "第 {0} 周新增贷款回到基准的 95% 以上。";
    NarrationWeek => "week {0}", "第 {0} 周";
    NarrationWeeks => "weeks {0}–{1}", "第 {0}–{1} 周";
    ShockProspectingStop => "Stop prospecting", "停止营销";
    ShockProspectingResume => "Resume prospecting (back to the policy)", "恢复营销（回到策略）";
    ShockProspectingSet => "Set prospecting hours", "设定营销工时";
    ShockProspectingFloor => "Keep a minimum of prospecting", "保留最低营销工时";
    ShockChannelMix => "Channel mix change", "渠道组合调整";
    ShockTeam => "Team size change", "团队人数调整";
    FieldShockShare => "Hour share", "工时占比";
    HelpShockShares => "From the start week, prospecting hours are split across channels in these shares; they must add up to 1.", "自开始周起，营销工时按这些比例分配到各渠道；合计必须为 1。";

    // Views and the trainer's stage (lead).
    ViewsNavLabel => "Views", "视图";
    ViewWorkspace => "Workspace", "工作台";
    ViewPlan => "Cadence plan", "营销节奏计划";
    ViewTrainer => "Trainer", "培训演示";
    ViewTrack => "Actuals", "实际";

    // The Actuals view: the team's weekly figures beside the plan (issue 18).
    TrackTitle => "Plan against actuals", "计划与实际";
    TrackComparedScenario => "Set beside the scenario's expected path (no plan goal is kept with the scenario).", "对照情景的预期路径（情景未保存计划目标）。";
    TrackComparedPlan => "Set beside the plan's weeks (the plan goal kept with the scenario).", "对照计划的各周（情景中保存的计划目标）。";
    TrackNoPath => "The plan kept with the scenario cannot be solved, so there is nothing to set the figures beside: change the goal in the Cadence plan view.", "情景中保存的计划无法求解，因此无可对照：请在“营销节奏计划”视图中修改目标。";
    TrackNoActuals => "No week entered yet: type a week's figures below, or import them from a CSV file.", "尚未录入任何一周：请在下方填写每周数字，或从 CSV 文件导入。";
    TrackOnTrack => "Week {0}: on track. Run forward from the figures reported, the model sees no fall of new loans in the weeks ahead.", "第 {0} 周：进展正常。按已报数字向前推演，未来几周新增贷款不会明显下降。";
    TrackAlarm => "Week {0}: early warning — {1}: at this rate new loans fall about {2} in {3}.", "第 {0} 周：预警——{1}：照此下去，{3}新增贷款将下降约 {2}。";
    TrackWarnProspecting => "prospecting has been at {0} of the plan {1}", "营销拓客只有计划的 {0}（{1}）";
    TrackThisWeek => "this week", "本周";
    TrackForWeeks => "for {0} weeks", "已连续 {0} 周";
    TrackWarnInvestigation => "investigations take {0} of the hours (normally {1})", "调查占用了 {0} 的工时（正常为 {1}）";
    TrackWarnCover => "the pipeline holds {0} weeks of applications (normally {1})", "在途线索只够 {0} 周的申请（正常为 {1} 周）";
    TrackWhile => " while ", "，同时";
    TrackAnd => " and ", "，且";
    TrackModelAhead => "the model run forward from this week", "从本周向前推演";
    TrackWeekRange => "weeks {0}–{1}", "第 {0}–{1} 周";
    TrackWeekOne => "week {0}", "第 {0} 周";
    TrackFormTitle => "Weekly figures", "每周实际数字";
    TrackFormHint => "The grey figure under each field is what the path expects that week. Leave a field empty if your team does not count it. Counts are for the team; prospecting hours are per AM.", "每个输入框下方的灰色数字是该周的预期值。团队不统计的项目请留空。笔数为团队合计，营销小时为每位客户经理的数字。";
    TrackWeekLegend => "Week {0} · {1}", "第 {0} 周 · {1}";
    TrackExpected => "expected {0}", "预期 {0}";
    TrackWeeksShown => "Weeks {0}–{1} of 0–{2}", "第 {0}–{1} 周（共 0–{2} 周）";
    TrackEarlier => "Earlier weeks", "前几周";
    TrackLater => "Later weeks", "后几周";
    TrackNewLoans => "New loans", "新增贷款";
    TrackApplications => "Applications", "申请";
    TrackApprovals => "Approvals", "审批通过";
    TrackProspectingHours => "Prospecting hours per AM", "每位客户经理营销小时";
    TrackLeads => "Open leads", "在途线索";
    TrackActiveLoans => "Active loans", "在贷笔数";
    TrackNotANumber => "“{0}” is not a number: type a figure such as 12 or 8.5.", "“{0}”不是数字：请填写如 12 或 8.5 的数字。";
    TrackNegative => "{0} is negative: figures are counts or hours, 0 or more.", "{0} 是负数：数字应为笔数或小时数，不小于 0。";
    TrackImportButton => "Import actuals (CSV)", "导入实际数字（CSV）";
    TrackPrivacy => "The file is read in this page only; nothing is sent.", "文件只在本页面中读取，不会发送到任何地方。";
    TrackImportFormat => "Columns: week (from 0), new_loans, applications, approvals, prospecting_hours, leads, active_loans; an empty cell is not reported. The activity file of “Your data” reads too: week_starting (a date), am (one row per AM, summed into the team’s week), prospecting_hours_<channel>, leads_<channel>, applications, approved, new_loans.", "列：week（从 0 起）、new_loans、applications、approvals、prospecting_hours、leads、active_loans；空单元格表示未报。也可读取“我的数据”的活动文件：week_starting（日期）、am（每位客户经理一行，汇总为团队当周数字）、prospecting_hours_<渠道>、leads_<渠道>、applications、approved、new_loans。";
    TrackImported => "{0}: {1} weeks read into the form.", "{0}：已读取 {1} 周到表中。";
    TrackImportRefused => "{0} was not read, and nothing you entered changed:", "未读取 {0}，您已录入的内容没有变化：";
    TrackImportUnreadable => "{0} could not be read by the browser.", "浏览器无法读取 {0}。";
    TrackImportTooLarge => "{0} is too large to be an actuals file.", "{0} 太大，不是实际数字文件。";
    TrackRowColumn => "row {0}, {1}: {2}", "第 {0} 行，{1}：{2}";
    TrackRow => "row {0}: {1}", "第 {0} 行：{1}";
    TrackHeaderColumn => "header, {0}: {1}", "表头，{0}：{1}";
    TrackHeader => "header: {0}", "表头：{0}";
    TrackGapsTitle => "Actual against expected", "实际与预期对比";
    TrackGapsCaption => "Each reported week: the actual figure, then actual − expected and that gap as a share of expected.", "每个已报周：实际数字，以及实际 − 预期的差额和差额占预期的比例。";
    TrackWeek => "Week", "周";
    TrackGapCell => "{0} ({1}, {2})", "{0}（{1}，{2}）";
    TrackReplanTitle => "Re-plan from today", "从今天重新规划";
    TrackReplanHint => "Solves the plan's goal again, starting from where the team was in the last week entered: the loans, leads and applications reported, and the contacts its prospecting hours left; the weeks whose hours change are marked.", "从最近录入一周团队的实际状态出发（所报的在贷笔数、意向客户和申请，以及所报拓客工时留下的接触客户），重新求解计划目标；工时有变化的周会被标出。";
    TrackReplanButton => "Re-plan from week {0}", "从第 {0} 周重新规划";
    TrackReplanSummary => "Plan version {0}, from week {1} (week starting {2}), for a book of {3} loans per AM: {4}", "计划第 {0} 版，自第 {1} 周（{2} 起）、每位客户经理在贷 {3} 笔出发：{4}";
    TrackReplanMet => "it meets the goal, ending at {0} loans per AM.", "可以达成目标，期末每位客户经理 {0} 笔。";
    TrackReplanMissed => "it misses the goal, ending at {0} loans per AM.", "无法达成目标，期末每位客户经理 {0} 笔。";
    TrackReplanNothing => "Enter at least one week first: the re-plan starts from the last week reported.", "请先至少录入一周：重新规划从最近一周所报数字出发。";
    TrackReplanUnsolved => "The goal cannot be solved from the week reported: change the goal in the Cadence plan view.", "无法从所报的这一周求解目标：请在“营销节奏计划”视图中修改目标。";
    TrackReplanBefore => "Hours per AM before", "原每位客户经理工时";
    TrackReplanAfter => "Hours per AM now", "新每位客户经理工时";
    TrackReplanChanged => "changed", "有变化";
    TrackReplanChangedCount => "{0} of {1} weeks change.", "{1} 周中有 {0} 周有变化。";
    ActualsBeyondHorizon => "week {0} is beyond the scenario's horizon (weeks 0 to {1})", "第 {0} 周超出了情景的时间范围（第 0 至 {1} 周）";
    ActualsNotAfter => "week {0} comes after week {1}: weeks must be in increasing order, each once", "第 {0} 周排在第 {1} 周之后：各周须按递增顺序排列，且每周只出现一次";
    ActualsNegative => "{0} is negative; figures are counts or hours, 0 or more", "{0} 是负数；数字应为笔数或小时数，不小于 0";
    ActualsNotFinite => "must be a number", "必须是数字";
    ActualsHeaderUnreadable => "the header cannot be read ({0})", "无法读取表头（{0}）";
    ActualsDuplicateColumn => "the column {0} appears twice", "列 {0} 出现了两次";
    ActualsUnknownColumn => "unknown column \"{0}\"; the columns are {1} and prospecting_hours.<channel id>", "未知列“{0}”；可用的列为 {1} 以及 prospecting_hours.<渠道代码>";
    ActualsNoWeekColumn => "the header needs a week column (the simulation week, from 0)", "表头需要 week 列（模拟周次，从 0 起）";
    ActualsRowUnreadable => "the row cannot be read ({0})", "无法读取该行（{0}）";
    ActualsCellCount => "the row has {0} cells but the header has {1} columns", "该行有 {0} 个单元格，但表头有 {1} 列";
    ActualsWeekMissing => "the week is missing", "缺少周次";
    ActualsNotANumber => "\"{0}\" is not a number", "“{0}”不是数字";
    ActualsDoubtfulNumber => "\"{0}\" could group thousands or mark decimals, and the column's other values do not say which: write it without a thousands separator (1500 or 1.5)",
        "“{0}”中的分隔符既可能是千位分隔符也可能是小数点，本列其他数值无法判断：请去掉千位分隔符（写成 1500 或 1.5）";
    ActualsNotAWeek => "\"{0}\" is not a week: weeks are whole numbers from 0", "“{0}”不是周次：周次为从 0 起的整数";
    ActualsWeekAndDate => "the header has both week and week_starting: keep one", "表头同时有 week 和 week_starting：请只保留一个";
    ActualsNoStartDate => "the file dates its weeks (week_starting), and the scenario's first week has no date: give one (--start-date)", "文件按日期标注各周（week_starting），但情景的第一周没有日期：请指定一个（--start-date）";
    ActualsNotADate => "\"{0}\" is not a date: use 2025-03-07, 2025/3/7, 2025年3月7日 or 07.03.2025", "“{0}”不是日期：请使用 2025-03-07、2025/3/7、2025年3月7日 或 07.03.2025";
    ActualsBeforeStart => "{0} is before the scenario's first week (starting {1})", "{0} 早于情景的第一周（{1} 起）";
    BookSample => "Try the sample team", "试用示例团队";
    BookSampleNote => "A made-up team of six AMs: 2,520 loans over two years, drawn from known rates (written in samples/README.md), so you can try every step without data of your own. Its files:", "一个虚构的六人团队：两年共 2,520 笔贷款，按已知参数生成（见 samples/README.md），无需自己的数据即可试用每一步。文件：";
    BookSampleFiles => "its weekly activity", "每周活动数据";
    TrackChartsTitle => "The path, its band and your weeks", "预期路径、波动区间与实际各周";
    TrackChartsHint => "The line is what the path expects; the shaded band holds the middle 80 % of its random runs (P10–P90); the dots are the weeks reported.", "折线为预期路径；阴影带为随机模拟中间 80% 的范围（P10–P90）；圆点为已报的各周。";
    TrackChartsRunning => "Running the band: {0} of {1} random runs…", "正在计算波动区间：已完成 {0}/{1} 次随机模拟…";
    TrackChartsFailed => "The band could not be run ({0}); the path and the weeks are shown without it.", "无法计算波动区间（{0}）；仅显示预期路径和实际各周。";
    TrackChartsOf => "Band of {0} random runs with the scenario's seed.", "波动区间来自按情景种子的 {0} 次随机模拟。";
    TrackChartInside => "{0}: {1} of {2} reported weeks inside the band.", "{0}：已报 {2} 周中有 {1} 周落在区间内。";
    TrackLegendExpected => "Expected", "预期";
    TrackLegendReported => "Reported", "实际";
    AxisLeads => "Open leads (team)", "在途线索（团队）";
    TrackReplanWhy => "Why fewer hours than before: the book starts at {0} loans per AM, above the goal's {1}, so the plan lets it run down to the goal, with at least {2} h per AM every week, and is back at the earlier {3} h from week {4} (week starting {5}).", "为何工时少于原计划：在贷从每位客户经理 {0} 笔出发，高于目标 {1} 笔，因此计划让在贷逐步回落到目标，每周至少 {2} 小时/人，并自第 {4} 周（{5} 起）回到原来的 {3} 小时。";
    TrackReplanWhyLater => "Why fewer hours than before: the book starts at {0} loans per AM, above the goal's {1}, so the plan lets it run down to the goal, with at least {2} h per AM every week.", "为何工时少于原计划：在贷从每位客户经理 {0} 笔出发，高于目标 {1} 笔，因此计划让在贷逐步回落到目标，每周至少 {2} 小时/人。";
    TrackReplanCsv => "Download the new plan (CSV)", "下载新计划（CSV）";
    TrackReplanIcs => "Download the new calendar (.ics)", "下载新日历（.ics）";
    StartTitle => "Where to start", "从这里开始";
    StartPurpose => "Cadence plans a lending team's prospecting week by week: how many hours, on which channels, so the loan book holds or grows — and so a wave of applications never stops new business weeks later (the pipeline fault). Everything runs in this browser.", "Cadence 按周规划信贷团队的营销拓客：每周多少小时、用哪些渠道，让贷款余额保持或增长——也让一波申请潮不会在几周后造成新增断档。所有计算都在本浏览器中完成。";
    StartPlanTitle => "Plan my team's prospecting", "规划我团队的营销拓客";
    StartPlanText => "Three numbers you know; the plan gives the hours per week, per channel, per AM and for the team, with dates — as a calendar and a spreadsheet.", "填三个您熟悉的数字；计划会给出每周、每个渠道、每位客户经理和整个团队的拓客小时数及日期，可下载为日历和表格。";
    StartPlanButton => "Make my plan", "生成我的计划";
    StartLessonsTitle => "Show the fault to a room", "向学员演示断档";
    StartLessonsText => "Seven lessons from the practitioners' article, played week by week on a projector, with decisions taken with the room.", "取自实践文章的七个案例，在投影上逐周播放，并与学员一起做决策。";
    StartLessonsButton => "Open the lessons", "打开案例";
    StartOpenTitle => "Open a file or a link", "打开文件或链接";
    StartOpenText => "A scenario or library file saved by Cadence, or a share link a colleague sent you.", "Cadence 保存的情景文件或情景库文件，或同事发给您的分享链接。";
    StartLinkLabel => "Share link", "分享链接";
    StartLinkButton => "Open link", "打开链接";
    StartNotALink => "This is not a Cadence share link: a share link has “#scenario=” in it. Copy the whole link from the message you were sent.", "这不是 Cadence 分享链接：分享链接中含有“#scenario=”。请从收到的消息中复制完整链接。";
    StartPrivacy => "Files and links are read in this browser; nothing is uploaded.", "文件和链接只在本浏览器中读取，不会上传。";
    StartHide => "Hide", "隐藏";
    StartShow => "Where to start", "从这里开始";
    GalleryTitle => "Lessons from the article", "原文案例";
    GalleryIntro => "Each preset asks one question the article answers. Open it in the workspace to explore, or play it to a room week by week.", "每个预设对应原文回答的一个问题。可在工作台中自行探索，也可逐周播放给学员看。";
    StoryQuestion => "Question", "问题";
    StoryWatch => "Watch", "观察";
    StoryLesson => "Lesson", "结论";
    StoryPolicy => "Policy", "策略";
    OpenInWorkspace => "Open in workspace", "在工作台中打开";
    PlayPreset => "Play week by week", "逐周播放";
    StageTitle => "Week by week", "逐周演示";
    StageScenario => "Playing: {0}", "正在演示：{0}";
    StageScenarioOwn => "Playing the scenario from the workspace", "正在演示工作台中的情景";
    PlayButton => "Play", "播放";
    PauseButton => "Pause", "暂停";
    StepForward => "Next week", "下一周";
    StepBack => "Previous week", "上一周";
    RewindButton => "Back to week 1", "回到第 1 周";
    SpeedLabel => "Speed", "速度";
    SpeedValue => "{0} weeks/s", "每秒 {0} 周";
    WeekOf => "Week {0} of {1}", "第 {0} 周 / 共 {1} 周";
    WeekSlider => "Week shown", "当前周";
    PresenterOn => "Presenter view", "演示视图";
    PresenterOff => "Leave presenter view", "退出演示视图";
    FullScreen => "Full screen", "全屏";
    ShortcutsButton => "Keyboard shortcuts (?)", "键盘快捷键（?）";
    ShortcutsTitle => "Keyboard shortcuts", "键盘快捷键";
    ShortcutPlay => "Play or pause", "播放或暂停";
    ShortcutForward => "Next week", "下一周";
    ShortcutBack => "Previous week", "上一周";
    ShortcutRewind => "Rewind to week 1", "回到第 1 周";
    ShortcutFull => "Full screen on or off", "进入或退出全屏";
    ShortcutPresenter => "Presenter view on or off", "进入或退出演示视图";
    ShortcutHelp => "Show or hide this list", "显示或隐藏此列表";
    ShortcutSpaceKey => "Space", "空格";
    Close => "Close", "关闭";
    NowTitle => "This week", "本周";
    NowBook => "Loans on the book", "在贷户数";
    NowNewLoans => "New loans this week", "本周新增贷款";
    NowProspecting => "Prospecting per AM", "人均营销工时";
    NowInvestigation => "Investigation per AM", "人均调查工时";
    NowQueue => "Applications waiting", "待调查申请";
    NowProfit => "Profit so far", "累计利润";
    NowWithout => "without the decisions: {0}", "未作决策时：{0}";
    NowBaseline => "without shocks or festivals: {0}", "无冲击和节假日时：{0}";

    DecideTitle => "Decide now, at week {0}", "现在决策（第 {0} 周）";
    DecideKind => "Decision", "决策";
    DecBurst => "An application burst arrives", "一批申请集中到来";
    DecStop => "Stop prospecting", "停止营销";
    DecResume => "Resume prospecting as the policy says", "按策略恢复营销";
    DecSetHours => "Set the prospecting hours", "设定营销工时";
    DecFloor => "Keep a minimum of prospecting", "保留最低营销工时";
    DecMixQuality => "Switch to the line-and-surface channel mix", "改用“线、面”渠道组合";
    DecMixScenario => "Back to the scenario's channel mix", "恢复情景原有渠道组合";
    DecTeam => "Add or remove account managers", "增减客户经理";
    DecDemand => "A demand spike", "需求激增";
    DecCredit => "A credit shock", "信用冲击";
    DecValueApps => "Applications per AM", "每人申请笔数";
    DecValueHours => "Hours per AM per week", "每人每周小时数";
    DecValueAms => "Account managers (negative removes)", "客户经理人数（负数为减少）";
    DecValueMult => "Multiplier", "倍数";
    DecDuration => "For how many weeks", "持续周数";
    DecDurationHelp => "Empty: to the end of the run.", "留空：持续到模拟结束。";
    DecApply => "Apply at week {0}", "在第 {0} 周执行";
    DecNotNumber => "Enter a number, such as 4.", "请输入数字，例如 4。";
    DecNotWeeks => "Enter a whole number of weeks from 1 to {0}, or leave it empty.", "请输入 1 至 {0} 的整数周数，或留空。";
    DecApplied => "Decision recorded at week {0}.", "已记录第 {0} 周的决策。";
    LogTitle => "Decision log", "决策记录";
    LogEmpty => "No decisions yet: pause at a week and decide.", "尚无决策：在某一周暂停后作出决策。";
    LogEntry => "Week {0}", "第 {0} 周";
    LogFor => "for {0} weeks", "持续 {0} 周";
    LogToEnd => "to the end", "至结束";
    LogRemove => "Remove", "删除";
    LogRemoveLabel => "Remove the decision of week {0}: {1}", "删除第 {0} 周的决策：{1}";
    LogLater => "after the week shown", "在当前周之后";
    LogDropLater => "Drop the decisions after week {0}", "删除第 {0} 周之后的决策";
    LogReplay => "Replay from week 1", "从第 1 周重放";
    LogGhostNote => "The grey line on the charts is the run without these decisions.", "图中灰线为未作这些决策时的结果。";
    DescBurst => "Burst of {0} applications per AM", "申请潮：每人 {0} 笔";
    DescSetHours => "Prospect {0} h per AM a week", "每人每周营销 {0} 小时";
    DescFloor => "Keep at least {0} h of prospecting", "至少保留 {0} 小时营销";
    DescResume => "Resume prospecting", "恢复营销";
    DescMix => "Channel mix: {0}", "渠道组合：{0}";
    DescTeam => "{0} account managers", "客户经理 {0} 人";
    DescDemand => "Demand ×{0}", "需求 ×{0}";
    DescCredit => "Default risk ×{0}", "违约风险 ×{0}";
    DescCapacity => "{0} of the team's hours lost", "团队损失 {0} 工时";

    DecisionsNote => "This scenario carries {0} trainer decision(s); the results include them.", "此情景包含 {0} 项培训决策，结果已计入。";
    DecisionsShow => "Show the decision log", "查看决策记录";

    DecRange => "Enter a number from {0} to {1}.", "请输入 {0} 至 {1} 之间的数值。";
    DecRangeAbove => "Enter a number above {0}, up to {1}.", "请输入大于 {0}、不超过 {1} 的数值。";
    DecRangeAms => "Enter a whole number from {0} to {1}, not 0: the team stays between 1 and 200 account managers.", "请输入 {0} 至 {1} 之间的非零整数：团队须保持 1 至 200 名客户经理。";

    // ── Cadence plan (#6): add keys right below this line. ──
    PlanCsvWeek => "Plan week", "计划周次";
    PlanCsvEvents => "Festivals and events", "节日与事件";
    PlanCsvAvailable => "Share of the week available", "可用工作时间比例";
    PlanCsvHours => "Prospecting hours per AM", "每人营销工时";
    PlanCsvHoursChannel => "Hours per AM: {0}", "每人工时：{0}";
    PlanCsvPipeline => "Expected pipeline per AM (applications)", "预计每人客户漏斗（申请当量）";
    PlanCsvNewLoans => "Expected new loans per AM", "预计每人新增贷款";
    PlanCsvActiveLoans => "Expected active loans per AM", "预计每人在贷户数";
    PlanCsvGoal => "Goal: active loans per AM", "目标：每人在贷户数";
    PlanCsvTeamHours => "Prospecting hours, team", "团队营销工时";
    PlanCsvWork => "Hours of work per AM", "每人全部工时";
    PlanCsvAvailableHours => "Hours available per AM", "每人可用工时";
    PlanCsvTotal => "Total", "合计";
    PlanOtherChannels => "Other channels ({0})", "其他渠道（{0}）";
    PlanDayItem => "{0} {1} h", "{0} {1} 小时";
    WeekdayMon => "Mon", "周一";
    WeekdayTue => "Tue", "周二";
    WeekdayWed => "Wed", "周三";
    WeekdayThu => "Thu", "周四";
    WeekdayFri => "Fri", "周五";
    WeekdaySat => "Sat", "周六";
    WeekdaySun => "Sun", "周日";
    EventPreSpringFestival => "Pre-Spring Festival stocking", "春节前备货";
    EventSpringFestival => "Spring Festival", "春节";
    EventPostSpringFestival => "After the Spring Festival", "春节后";
    EventQingming => "Qingming", "清明节";
    EventLabourDay => "Labour Day", "劳动节";
    EventPreDragonBoat => "Before the Dragon Boat Festival", "端午节前";
    EventDragonBoat => "Dragon Boat Festival", "端午节";
    EventPreMidAutumn => "Before the Mid-Autumn Festival", "中秋节前";
    EventMidAutumn => "Mid-Autumn Festival", "中秋节";
    EventNationalDay => "National Day", "国庆节";
    EventDouble11 => "Double 11", "双十一";
    EventPreHoliday => "Before a holiday", "节前";
    EventHoliday => "Holiday", "节假日";
    EventPostHoliday => "After a holiday", "节后";
    EventBurst => "Application burst ({0} per AM)", "申请集中涌入（每人 {0} 笔）";
    EventDemand => "Demand ×{0}", "需求 ×{0}";
    EventCapacity => "{0} of hours lost", "工时损失 {0}";
    EventCredit => "Credit risk ×{0}", "信用风险 ×{0}";
    EventTeam => "Team {0} AMs", "团队人数 {0}";
    IcsCalendarName => "Cadence prospecting plan", "Cadence 营销计划";
    IcsSummary => "Prospecting plan: {0} h per AM", "营销计划：每人 {0} 小时";
    IcsSummaryTeam => "Team prospecting plan: {0} h", "团队营销计划：共 {0} 小时";
    IcsDescription => "Plan week {0}. Expected per AM: {1} new loans, {2} active loans (goal {3}).",
        "计划第 {0} 周。预计每人：新增贷款 {1} 笔，在贷 {2} 户（目标 {3}）。";
    IcsEvents => "Festivals and events: {0}", "节日与事件：{0}";
    PlanIntro => "Set a goal: the plan finds the channel mix and the weekly prospecting hours that reach it, in blocks your team can follow, and checks every week by simulating it.",
        "设定目标：计划会找出实现目标的渠道组合与每周营销工时，以团队可执行的时间块排好，并逐周模拟检验。";
    PlanGoalHeading => "Your goal", "您的目标";
    PlanFieldTarget => "Target book", "目标在贷户数";
    PlanFieldPath => "How to get there", "实现方式";
    PlanPathFlat => "Reach it, then hold it", "尽快达到并保持";
    PlanPathGrowth => "Grow to it by a week", "在指定周前逐步达到";
    PlanFieldByWeek => "Reached by", "达到时间";
    PlanFieldWeeks => "Weeks in the plan", "计划周数";
    PlanFieldMaxHours => "Most prospecting hours", "最多营销工时";
    PlanFieldMinQuality => "Least prime and standard share", "优质与标准客户最低占比";
    PlanFieldCashBudget => "Cash budget for paid channels", "付费渠道现金预算";
    PlanFieldFloor => "Floor in every week", "每周最低营销";
    PlanFieldObjective => "Choose the mix for", "渠道组合的优化目标";
    PlanObjectiveHours => "The fewest prospecting hours", "营销工时最少";
    PlanObjectiveProfit => "The most profit", "利润最高";
    PlanUnitPlanWeek => "plan week", "计划周";
    PlanUnitPercentNew => "% of new loans", "% 新增贷款";
    PlanUnitCnyPerAmWeek => "¥ per AM per week", "元/人/周";
    PlanUnitPercentSteady => "% of the steady hours", "% 稳态工时";
    PlanHelpTarget => "Active loans per AM the plan should hold. Blank: the scenario's target.", "计划要维持的每人在贷户数。留空：使用场景中的目标。";
    PlanHelpByWeek => "The plan week by which the book should reach the target.", "在贷户数应达到目标的计划周。";
    PlanHelpWeeks => "How many weeks the dated plan covers (13–104).", "带日期的计划覆盖的周数（13–104）。";
    PlanHelpMaxHours => "No week of the plan gets more prospecting hours than this. Blank: the whole working week.", "计划中任何一周的营销工时都不超过此值。留空：整个工作周。";
    PlanHelpMinQuality => "Share of prime and standard customers among new loans in the steady state. Blank: any mix.", "稳态下新增贷款中优质与标准客户的比例。留空：不限。";
    PlanHelpCashBudget => "Cash per AM per week for channels that cost money per hour (ads, events, flyers). Blank: no budget.", "按小时花钱的渠道（广告、活动、传单）每人每周的现金预算。留空：不设预算。";
    PlanHelpFloor => "Every week keeps at least this share of the steady hours, also during a burst: prospecting never stops.", "每周至少保留稳态工时的这一比例，申请集中涌入时也不例外：营销从不停止。";
    PlanBlankIs => "blank: {0}", "留空：{0}";
    PlanNone => "none", "不限";
    PlanStaleGoal => "The goal has errors: the plan shown is for the last valid goal.", "目标有误：下方显示的是上一个有效目标的计划。";
    PlanNoScenario => "The scenario has errors: fix its inputs in the workspace, then plan.", "场景有误：请先在工作区修正输入，再制定计划。";
    PlanNoSteadyState => "The referral loop has no steady state, so there is nothing to plan for: lower the network size or the introduction rates.", "转介绍循环没有稳态，因此无法制定计划：请降低周边人数或介绍概率。";
    PlanNoClosest => "No plan keeps every limit of this goal, not even with a smaller book: loosen the limit named here.", "没有任何计划能满足该目标的全部限制，即使减少户数也不行：请放宽这里指出的限制。";
    PlanNoPlan => "No plan could be made for this goal.", "无法为该目标制定计划。";
    PlanVerdictMet => "The plan reaches the goal: {0} loans per AM, simulated week by week over {1} weeks, ending at {2} (within {3}), with {4} prospecting hours per AM a week on average ({5}), every week within its working hours.",
        "计划可以实现目标：每人 {0} 户，按周模拟 {1} 周后为 {2} 户（误差在 {3} 以内）；平均每人每周营销 {4} 小时（{5}），每周都不超过可用工时。";
    PlanShortCapacity => "{0} loans per AM do not fit in the working week: even the best mix needs {1} hours of work per AM a week, {2} more than the {3} available.",
        "每人 {0} 户超出了工作周的容量：即使是最佳渠道组合，每人每周也需要工作 {1} 小时，比可用的 {3} 小时多 {2} 小时。";
    PlanShortHours => "{0} loans per AM need at least {1} prospecting hours per AM a week, {2} more than your maximum of {3}.",
        "每人 {0} 户至少需要每人每周营销 {1} 小时，比您设定的上限 {3} 小时多 {2} 小时。";
    PlanShortCash => "{0} loans per AM need at least {1} per AM a week for paid channels, {2} over the budget of {3}.",
        "每人 {0} 户需要付费渠道每人每周至少 {1}，超出 {3} 的预算 {2}。";
    PlanShortQuality => "At {0} loans per AM no mix reaches {1} prime and standard customers among new loans; the best is {2}.",
        "在每人 {0} 户时，没有任何渠道组合能使新增贷款中优质与标准客户达到 {1}；最高为 {2}。";
    PlanShortUnreachable => "No amount of prospecting holds {0} loans per AM: unlimited hours on every channel approach {1}.",
        "无论营销多少都无法维持每人 {0} 户：所有渠道不限工时也只能接近 {1} 户。";
    PlanClosest => "The plan below is the closest one that keeps every limit: it aims at {0} loans per AM, with {1} prospecting hours per AM a week on average ({2}).",
        "下方是在所有限制内最接近的计划：目标每人 {0} 户，平均每人每周营销 {1} 小时（{2}）。";
    PlanCurrentMix => "At your current channel mix, {0} loans per AM need h* = {1} prospecting hours per AM a week ({2} hours of work in all, of {3}).",
        "按当前渠道组合，每人 {0} 户需要 h* = 每人每周营销 {1} 小时（全部工作 {2} 小时，每周共 {3} 小时）。";
    PlanCurrentMixUnreachable => "At your current channel mix no amount of prospecting holds {0} loans per AM.", "按当前渠道组合，无论营销多少都无法维持每人 {0} 户。";
    PlanFigHours => "Prospecting hours", "营销工时";
    PlanFigHoursDetail => "h per AM a week on average · weeks {0}–{1}", "小时/人/周（平均）· 各周 {0}–{1}";
    PlanFigQuality => "Prime and standard", "优质与标准";
    PlanFigQualityDetail => "of new loans in the planned weeks", "占计划各周新增贷款";
    PlanFigCash => "Channel cash", "渠道现金";
    PlanFigProfit => "Profit", "利润";
    PlanUnitCnyPlannedWeeks => "per AM a week, mean of the planned weeks", "每人每周（计划各周平均）";
    PlanMixHeading => "Hours and channel mix", "工时与渠道组合";
    PlanMixCaption => "Your current mix and the plan's, per AM in a settled week at the goal's book", "当前组合与计划组合对比（达到目标户数后的稳态一周，每人）";
    PlanMixChannel => "Channel", "渠道";
    PlanOutcomeHeading => "The plan simulated, beside the goal", "计划模拟结果与目标对比";
    PlanOutcomeGoal => "Goal", "目标";
    PlanOutcomeBook => "Simulated book", "模拟在贷户数";
    PlanOutcomeWeek => "loans per AM · end of week {0}", "户/人 · 第 {0} 周末";
    PlanOutcomeGap => "Gap", "差距";
    PlanOutcomeAim => "The closest plan aims at", "最接近的计划目标";
    PlanOutcomeGapAimDetail => "simulated against the closest plan's aim · on target within {0}", "模拟值相对最接近计划的目标 · {0} 以内视为达成";
    PlanOutcomeGapDetail => "simulated against the goal · on target within {0}", "模拟值相对目标 · {0} 以内视为达成";
    PlanOutcomeHit => "Simulated week by week with the engine, the plan ends week {0} with {1} loans per AM against a goal of {2}: on target.",
        "用模型逐周模拟，计划在第 {0} 周末达到每人 {1} 户，目标为 {2} 户：达成目标。";
    PlanOutcomeMissed => "Simulated week by week with the engine, the plan ends week {0} with {1} loans per AM against a goal of {2}, {3} apart: loans stay on the book for months, so a book grows slowly and the steady mix gets there only after the plan's weeks.",
        "用模型逐周模拟，计划在第 {0} 周末达到每人 {1} 户，目标为 {2} 户，相差 {3}：贷款会在账上保留数月，组合增长缓慢，稳态组合要在计划期之后才能达到。";
    PlanOutcomeHitAim => "Simulated week by week with the engine, the plan ends week {0} with {1} loans per AM against the closest plan's aim of {2}: on that aim.",
        "用模型逐周模拟，计划在第 {0} 周末达到每人 {1} 户，最接近的计划目标为 {2} 户：达到该目标。";
    PlanOutcomeMissedAim => "Simulated week by week with the engine, the plan ends week {0} with {1} loans per AM against the closest plan's aim of {2}, {3} apart: loans stay on the book for months, so a book grows slowly and the steady mix gets there only after the plan's weeks.",
        "用模型逐周模拟，计划在第 {0} 周末达到每人 {1} 户，最接近的计划目标为 {2} 户，相差 {3}：贷款会在账上保留数月，组合增长缓慢，稳态组合要在计划期之后才能达到。";
    PlanWeeksHeading => "Week by week", "逐周计划";
    PlanTableCaption => "Prospecting hours per AM by channel, in blocks of {0} minutes, for the team, the week's work against its hours, and what the simulation expects per AM", "每人各渠道营销工时（每块 {0} 分钟）、团队合计、当周工作量与可用工时，以及模拟预计的每人结果";
    PlanTableTotal => "All channels", "合计";
    PlanTablePipeline => "Pipeline", "客户漏斗";
    PlanTableNewLoans => "New loans", "新增贷款";
    PlanTableBook => "Active loans", "在贷户数";
    PlanTableGoal => "Goal", "目标";
    PlanChartTitle => "Planned prospecting hours by channel", "各渠道计划营销工时";
    PlanChartAxis => "Hours per AM per week", "每人每周小时";
    PlanChartSteady => "Hours in a settled week", "稳态一周的工时";
    PlanDownloadCsv => "Download CSV", "下载 CSV";
    PlanDownloadIcs => "Download calendar (.ics)", "下载日历（.ics）";
    PlanPrint => "Print the plan", "打印计划";
    PlanBlock15 => "15 minutes", "15 分钟";
    PlanBlock30 => "30 minutes", "30 分钟";
    PlanBlock60 => "1 hour", "1 小时";
    PlanFieldBlock => "Plan hours in blocks of", "工时块大小";
    PlanFieldMix => "Channel mix", "渠道组合";
    PlanMixOptimise => "Use the plan's mix", "采用计划的组合";
    PlanMixKeep => "Keep my current mix (plan the hours only)", "保持当前组合（只规划工时）";
    PlanFieldWeekdays => "Calendar blocks fall on", "日历时间块安排在";
    PlanFieldCalendarFor => "Calendar events", "日历事件";
    PlanCalendarPerAm => "One per week for each AM", "每位客户经理每周一个";
    PlanCalendarPerTeam => "One per week for the team", "团队每周一个";
    PlanFieldWeeklyChange => "Largest change from one week to the next", "相邻两周的最大变化";
    PlanHelpWeeklyChange => "Prospecting hours per AM never change by more than this between weeks: a plan that lurches is the stop-start pattern that causes the fault.", "相邻两周每人营销工时的变化不超过此值：忽高忽低的计划正是造成断层的停停走走。";
    PlanHoursRange => "{0}–{1} h in the weeks", "各周 {0}–{1} 小时";
    PlanVerdictShort => "The plan does not reach the goal of {0} loans per AM in {1} weeks: simulated week by week it ends at {2}, {3} short.", "计划在 {1} 周内达不到每人 {0} 户的目标：按周模拟结束时为 {2} 户，相差 {3}。";
    PlanVerdictShortWhy => "Loans stay on the book for months and the hours may change only so much a week: a later week to reach it, a longer plan or a larger weekly change lets it get there.", "贷款会在账上保留数月，且每周工时变化有限：推迟达成周、延长计划或放宽每周变化即可实现。";
    PlanVerdictOverfull => "{0} weeks need more hours than the team has: applications or renewals wait.", "有 {0} 周所需工时超过团队可用工时：申请或续贷需要等待。";
    PlanVerdictStrained => "In {0} weeks the scenario's own work (such as a burst of applications) fills every hour even with prospecting at its floor.", "有 {0} 周即使营销保持在最低水平，场景本身的工作（如申请激增）也占满了全部工时。";
    PlanVerdictQuality => "Simulated, {0} of the plan's new loans are prime or standard, below your {1}.", "模拟结果：计划新增贷款中优质与标准客户占 {0}，低于您设定的 {1}。";
    PlanVerdictCash => "{0} weeks spend more on paid channels than the budget.", "有 {0} 周的付费渠道支出超过预算。";
    PlanFigTeamHours => "Team prospecting", "团队营销工时";
    PlanFigTeamHoursDetail => "h a week on average for {0} AMs", "{0} 位客户经理每周平均小时";
    PlanFigWork => "Busiest week", "最忙的一周";
    PlanFigWorkDetail => "of the working hours ({0} h per AM)", "占可用工时（每人 {0} 小时）";
    PlanFigChange => "Largest weekly change", "最大周变化";
    PlanFigChangeDetail => "h per AM · at most {0}", "小时/人 · 上限 {0}";
    PlanMixCurrent => "Your mix (h per AM a week)", "当前组合（小时/人/周）";
    PlanMixPlan => "This plan", "本计划";
    PlanMixChange => "Change", "变化";
    PlanMixTotal => "All prospecting", "营销合计";
    PlanMixWork => "Hours of work in all", "全部工时";
    PlanMixProfit => "Profit per AM a week", "每人每周利润";
    PlanTradeFewest => "Against the mix with the most profit, this one changes prospecting by {0} h per AM a week and profit by {1} per AM a week.", "与利润最高的组合相比，本组合每人每周营销工时变化 {0} 小时，每人每周利润变化 {1}。";
    PlanTradeProfit => "Against the mix with the fewest hours, this one changes prospecting by {0} h per AM a week and profit by {1} per AM a week.", "与工时最少的组合相比，本组合每人每周营销工时变化 {0} 小时，每人每周利润变化 {1}。";
    PlanTradeKeep => "Keeping your mix, against the plan's own mix, changes prospecting by {0} h per AM a week and profit by {1} per AM a week.", "保持当前组合与计划组合相比，每人每周营销工时变化 {0} 小时，每人每周利润变化 {1}。";
    PlanOutcomeNewLoans => "New loans", "新增贷款";
    PlanOutcomeNewLoansDetail => "per AM over {0} weeks", "每人 · {0} 周合计";
    PlanTableTeam => "Team", "团队";
    PlanTableWork => "Work / hours", "工作/可用工时";
    PlanTableWorkCell => "{0} / {1}", "{0} / {1}";

    // ── Reach (#8): add keys right below this line. ──
    ChartDownloadPng => "Download PNG", "下载 PNG";
    CsvWeek => "Simulation week", "模拟周";
    CsvWeekOfYear => "Week of the year", "全年第几周";
    CsvActiveLoans => "Active loans", "在贷户数";
    CsvActiveLoansTier => "Active loans: {0}", "在贷户数：{0}";
    CsvBalance => "Outstanding balance (¥)", "贷款余额（元）";
    CsvNewLoans => "New loans", "新增贷款";
    CsvNewLoansTier => "New loans: {0}", "新增贷款：{0}";
    CsvRenewals => "Renewals", "续贷";
    CsvMaturities => "Loans maturing", "到期贷款";
    CsvNonRenewals => "Not renewed at maturity", "到期未续贷";
    CsvRenewalsLost => "Renewals lost for lack of hours", "因工时不足流失的续贷";
    CsvPastDue => "Loans 30+ days past due", "逾期 30 天以上贷款";
    CsvPastDueBalance => "Balance 30+ days past due (¥)", "逾期 30 天以上余额（元）";
    CsvPar30 => "PAR30 (share of loans)", "PAR30（占贷款比例）";
    CsvDefaults => "Loans falling past due", "新增逾期贷款";
    CsvCures => "Past-due loans cured", "逾期后恢复正常的贷款";
    CsvWriteOffs => "Loans written off", "核销贷款";
    CsvContacted => "Contacted prospects", "已接触潜在客户";
    CsvInterested => "Interested prospects", "有意向客户";
    CsvApplicationsWaiting => "Applications waiting", "排队申请";
    CsvInvestigated => "Awaiting the credit decision", "待审批";
    CsvProspects => "New prospects", "新增潜在客户";
    CsvProspectsChannel => "New prospects: {0}", "新增潜在客户：{0}";
    CsvInboundLeads => "Walk-in leads", "上门客户线索";
    CsvReferralLeads => "Referral leads", "转介绍线索";
    CsvBurstApplications => "Burst applications", "集中涌入的申请";
    CsvApplications => "New applications from the pipeline", "来自漏斗的新增申请";
    CsvReferralPotential => "Pending introductions", "待转化介绍";
    CsvLostContacted => "Contacted prospects lost", "流失的已接触客户";
    CsvLostInterested => "Interested prospects lost", "流失的有意向客户";
    CsvReneged => "Applications withdrawn", "撤回的申请";
    CsvTimedOut => "Applications timed out", "超时流失的申请";
    CsvDeclined => "Applications declined", "被拒绝的申请";
    CsvPipelinePerAm => "Pipeline per AM (application-equivalents)", "人均漏斗（折合申请数）";
    CsvCoverageWeeks => "Pipeline coverage (weeks)", "漏斗覆盖（周）";
    CsvHoursAvailable => "Available hours", "可用工时";
    CsvHoursCare => "Portfolio care hours", "贷后管理工时";
    CsvCareServed => "Share of care served", "贷后管理完成比例";
    CsvHoursRenewal => "Renewal hours", "续贷工时";
    CsvHoursInvestigation => "Investigation hours", "贷前调查工时";
    CsvHoursProspecting => "Prospecting hours", "营销工时";
    CsvHoursChannel => "Prospecting hours: {0}", "营销工时：{0}";
    CsvHoursSlack => "Slack hours", "空闲工时";
    CsvUtilisation => "Utilisation (share of hours)", "工时利用率（比例）";
    CsvShareActive => "Share of the book: {0}", "存量占比：{0}";
    CsvShareNew => "Share of new loans: {0}", "新增占比：{0}";
    CsvIncome => "Interest income (¥)", "利息收入（元）";
    CsvLoss => "Credit losses (¥)", "信用损失（元）";
    CsvCash => "Prospecting cash costs (¥)", "营销现金支出（元）";
    CsvSalary => "Salaries (¥)", "工资（元）";
    CsvProfit => "Profit (¥)", "利润（元）";
    CsvCumulativeProfit => "Cumulative profit (¥)", "累计利润（元）";
    CsvMean => "{0} (mean)", "{0}（均值）";
    CsvP10 => "{0} (P10)", "{0}（P10）";
    CsvP50 => "{0} (P50)", "{0}（P50）";
    CsvP90 => "{0} (P90)", "{0}（P90）";
    StorySteadyQuestion => "How many hours a week must each account manager prospect to keep 120 loans on the book?",
        "每位客户经理每周要营销多少小时，才能把在贷户数稳定在 120 户？";
    StorySteadyWatch => "The flat portfolio line, the hours budget (care, renewals, investigations, prospecting, slack), h*, A_max and break-even.",
        "平稳的在贷户数曲线、工时分配（贷后管理、续贷、贷前调查、营销获客、空闲）、h*、A_max 与盈亏平衡点。";
    StorySteadyLesson => "Loans mature every week, so a flat book needs a steady 8.8 hours of prospecting per AM, not zero.",
        "每周都有贷款到期，要保持存量不降，每位客户经理每周需要稳定营销 8.8 小时，而不是零。";
    StorySteadyExplanation => "Every week some loans mature and not all customers renew, so the book drains unless new \
customers keep arriving. At the default settings each AM needs 8.8 prospecting hours a week to hold 120 loans; \
with care, renewals and investigations that uses 35.3 of 40 hours. Move the target and watch h* and the slack: \
the team can sustain at most about 135 loans per AM before the hours run out, and needs about 84 to cover its salaries.",
        "每周都有贷款到期，而且并非每位客户都会续贷，如果没有新客户持续进来，存量就会不断流失。按默认设置，\
每位客户经理每周需要营销 8.8 小时才能保持 120 户；加上贷后管理、续贷和贷前调查，共占用 40 小时中的 35.3 小时。\
调整目标户数，观察 h* 和空闲工时的变化：工时用尽之前，每人最多能维持约 135 户；要覆盖工资成本，至少需要约 84 户。";
    StoryFaultQuestion => "What happens to new loans a few weeks after a batch of applications keeps everyone busy?",
        "一批集中申请让大家忙得不可开交，几周之后新增贷款会怎样？";
    StoryFaultWatch => "Prospecting hours dropping to zero in weeks 22–25, the pipeline emptying, and new loans falling about 7 weeks after the burst.",
        "第 22–25 周营销工时降到零、客户漏斗逐渐清空，以及申请集中涌入约 7 周后新增贷款的下滑。";
    StoryFaultLesson => "Stopping prospecting while processing a batch creates a hole in new business about seven weeks later.",
        "处理批量申请时停止营销，约七周后新增业务就会出现断档。";
    StoryFaultExplanation => "An association sends a batch of six applications per AM in each of weeks 21 and 22, about 60 hours \
of extra work. A team that prospects only with time left over (stop when busy) spends those weeks investigating: new \
loans jump for a month, but nobody refilled the pipeline, so new loans fall by about half some seven weeks after the \
burst and take six weeks to recover. A team that keeps its fixed prospecting hours loses more of the batch to waiting, \
but has no fault at all. This is the article's lesson: marketing must be continuous.",
        "商会在第 21 周和第 22 周各给每位客户经理推荐 6 笔申请，额外增加约 60 小时工作量。只用剩余时间营销（忙时停止）\
的团队，这几周都在做贷前调查：新增贷款会高出一个月，但没有人补充客户漏斗，于是申请涌入约七周后新增贷款下降约一半，\
要六周才能恢复。坚持固定营销工时的团队，批量申请中因排队等待而流失的更多，但完全不会出现断档。这正是原文的结论：\
营销必须持续不断。";
    StoryFloorQuestion => "Can a minimum prospecting time protect the pipeline without losing the batch?",
        "设定最低营销时间，能否既保住客户漏斗，又不丢失批量申请？";
    StoryFloorWatch => "The fault depth and applications lost to waiting under stop-when-busy with a floor of half h*, against fixed cadence.",
        "“忙时停止、底线 ½h*”策略下的断档深度和因等待而流失的申请，并与固定节奏对比。";
    StoryFloorLesson => "A floor halves the fault while still processing most of the batch; fixed cadence avoids the fault but loses more applications on large bursts.",
        "设定底线可使断档减半，同时仍能处理大部分批量申请；固定节奏可避免断档，但申请大量涌入时流失更多。";
    StoryFloorExplanation => "The same burst, but the team keeps at least half of h* for prospecting however busy it is. The \
fault is about half as deep and comes later, and more of the burst is investigated than under a fixed cadence, which \
keeps all its prospecting hours and lets more applications renege or time out. Make the burst last four weeks or \
larger to see the trade-off grow: the floor keeps both losses moderate.",
        "同样的申请集中涌入，但无论多忙，团队都至少保留 h* 的一半用于营销。断档深度约减半，出现得也更晚；\
与固定节奏相比，完成调查的批量申请更多——固定节奏保留全部营销工时，会让更多申请撤回或超时流失。\
把涌入延长到四周或加大规模，这种取舍会更明显：设定底线能让两种损失都保持在适度水平。";
    StoryFestivalQuestion => "How do the Spring Festival and the other holidays move the pipeline and new loans?",
        "春节和其他节假日如何影响客户漏斗和新增贷款？";
    StoryFestivalWatch => "Pre-festival stocking demand, the closure week, and the dip in new loans three to four weeks after the festival.",
        "节前备货的资金需求、休市的一周，以及节后三到四周新增贷款的回落。";
    StoryFestivalLesson => "The festival closure empties the pipeline; the dip in new loans comes weeks later, and is deepest for a team that stops prospecting when busy.",
        "节日休市会掏空客户漏斗；新增贷款的回落在数周后才出现，忙时停止营销的团队回落最深。";
    StoryFestivalExplanation => "Distributors of alcohol, food and gifts borrow to pre-stock in the four weeks before the Spring \
Festival, then the market closes for a week and restarts slowly. Investigations pile up before the festival, little \
prospecting happens during it, and new loans dip by over a third a month later under stop-when-busy, against a fifth \
under a fixed cadence and a seventh under a pipeline target. The baseline for the dip is the same policy without \
seasonality.",
        "酒水、食品和礼品经销商在春节前四周借款备货，随后市场休市一周，节后慢慢恢复。节前贷前调查大量积压，\
节日期间几乎没有营销；一个月后，忙时停止策略下新增贷款下降三分之一以上，固定节奏下降约五分之一，\
目标漏斗下降约七分之一。回落幅度以同一策略、不考虑季节性的结果为基准。";
    StorySpikeQuestion => "A liquor price rise multiplies demand by 2.5 for four weeks: does the cadence capture it?",
        "酒厂提价使需求在四周内增至 2.5 倍：营销节奏能否抓住这个机会？";
    StorySpikeWatch => "Prospecting hours under the pipeline target during the spike, and extra new loans per AM against the baseline.",
        "需求激增期间目标漏斗策略下的营销工时，以及与基线相比每位客户经理多出的新增贷款。";
    StorySpikeLesson => "A symmetric pipeline target throttles prospecting just when a window opens; follow up quickly instead.",
        "对称的目标漏斗恰恰在机会窗口打开时压减营销；此时应当迅速跟进。";
    StorySpikeExplanation => "A manufacturer's price rise makes distributors need prepaid-stock funding, so every prospecting \
hour finds 2.5 times the usual leads for four weeks. A controller that steers to a target pipeline sees the pipeline \
overflow and cuts prospecting, capturing only about 4.9 extra loans per AM; a fixed cadence, or a controller that may \
only boost (its minimum set to h*), captures about 7.8. The demand shock can also be limited to supply-chain, \
association and referral flows in the scenario file.",
        "厂家提价后，经销商需要资金预付货款，因此四周内每小时营销带来的线索是平时的 2.5 倍。按目标漏斗调节的策略\
看到漏斗满溢，便削减营销，每位客户经理只多获得约 4.9 笔贷款；固定节奏，或只增不减的目标漏斗（下限设为 h*），\
可多获得约 7.8 笔。在场景文件中，也可以把需求冲击限定在供应链、商会和转介绍渠道。";
    StoryQualityQuestion => "What if prospecting hours move to supply-chain and association channels (\"line and surface\")?",
        "如果把营销工时转向供应链和商会渠道（“线”和“面”），会怎样？";
    StoryQualityWatch => "h*, the tier mix of new loans, profit, and the unit economics per tier (a marginal loan loses money).",
        "h*、新增贷款的等级结构、利润，以及各等级的单笔贷款效益（边缘客户贷款是亏损的）。";
    StoryQualityLesson => "Channels that bring prime and standard customers need fewer hours and earn more per loan.",
        "能带来优质和标准客户的渠道，所需工时更少，每笔贷款赚得更多。";
    StoryQualityExplanation => "Supply-chain and association channels bring better-qualified customers whose information is \
reliable, while flyers, online posts and brokers skew marginal, and a marginal loan costs more in hours and losses \
than it earns (about −1 886 CNY each). Moving the hours to supply chain 35%, association 25%, event 10%, cold visits \
15% and 5% each to phone, online and brokers lowers h* from 8.80 to 8.47 and raises profit at 120 loans by 9%; at the \
same 8.8 hours the book reaches 123 loans and profit rises 18%.",
        "供应链和商会渠道带来的客户资质更好、信息更可靠；传单、网帖和同行转单则偏向边缘客户，而一笔边缘客户贷款\
耗费的工时和损失超过其收益（每笔约亏 1,886 元）。把营销工时调整为供应链 35%、商会 25%、活动 10%、陌生拜访 15%，\
电话、网络和同行转单各 5%，h* 从 8.80 降至 8.47，120 户时利润提高 9%；若仍营销 8.8 小时，在贷户数可达 123 户，\
利润提高 18%。";
    StoryRampQuestion => "How long does a new team starting from an empty book take to build a portfolio and turn a profit?",
        "一个从零起步的新团队，需要多久才能建立贷款组合并实现盈利？";
    StoryRampWatch => "Active loans per AM and cumulative profit from week 0, under prospect-all-free-time against a fixed h*.",
        "从第 0 周起每位客户经理的在贷户数与累计利润，对比“空闲时间全部营销”与固定 h*。";
    StoryRampLesson => "A new team must prospect with all its free time; the steady-state h* is far too little to build a book.",
        "新团队必须把全部空闲时间用于营销；稳态下的 h* 远不足以建立贷款组合。";
    StoryRampExplanation => "A team starting with no loans has no renewals and no referrals, so the hours that hold a mature \
book flat build a new one only slowly: at h* the team reaches about 86 loans per AM after three years and never makes \
a profit. Prospecting with all free time reaches 77 loans per AM after a year and 122 after three, and is profitable \
from week 65.",
        "没有存量贷款的团队既没有续贷也没有转介绍，因此足以维持成熟组合的工时只能让新组合缓慢增长：按 h* 营销，\
三年后每人约 86 户，且始终无法盈利。把全部空闲时间用于营销，一年后每人达到 77 户，三年后 122 户，\
并从第 65 周起开始盈利。";

    // ── Speed (#9) and anything else: add keys right below this line. ──

    // The stage for a room (issue 15): the lesson's comparison, the gap, the debrief, the keys.
    ShortFixed => "fixed cadence", "固定节奏";
    ShortStopWhenBusy => "stop when busy", "忙时停止";
    ShortFloor => "floor of ½h*", "底线 ½h*";
    ShortTarget => "target pipeline", "目标漏斗";
    ShortTargetBoost => "boost only", "只增不减";
    ShortFullWeek => "all free time", "空闲全部营销";
    ShortLineSurface => "line and surface", "“线、面”渠道";
    ShortDefaultMix => "usual mix", "原渠道组合";
    ShortNoProspecting => "no prospecting", "不营销";
    ShortOwn => "this scenario", "本情景";
    ShortWithDecisions => "{0} + decisions", "{0} + 决策";
    ShortWithoutDecisions => "without the decisions", "未作决策";
    ShortBaseline => "without the shock", "无冲击";
    CompareSameBurstKept => "the same burst with prospecting kept", "同样的申请潮，但坚持营销";
    CompareSameBurst => "the same burst", "同样的申请潮";
    CompareSameFestivalKept => "the same festival year with prospecting kept", "同样的节日之年，但坚持营销";
    CompareSameFestival => "the same festival year", "同样的节日之年";
    CompareSameSpike => "the same demand spike", "同样的需求激增";
    CompareSameTeam => "the same new team", "同样的新团队";
    CompareUsualMix => "the same team at the usual channel mix", "同一团队采用原渠道组合";
    CompareNoProspecting => "the same team with no prospecting at all", "同一团队完全不营销";
    CompareWithPolicy => "Compared with {0}: {1}.", "对照：{0}——{1}。";
    CompareWith => "Compared with {0}.", "对照：{0}。";
    CompareWithoutDecisions => "Compared with the same scenario without the decisions.", "对照：同一情景，未作决策。";
    CompareBaseline => "Compared with the same scenario without its shocks.", "对照：同一情景，无冲击。";
    LessonBookTitle => "Loans on the book", "在贷户数";
    LessonProspectingTitle => "Prospecting hours per AM", "人均营销工时";
    AxisHoursPerAm => "Hours per AM per week", "小时/人/周";
    GapLoansLost => "{0} new loans lost by week {1}", "到第 {1} 周少增 {0} 笔贷款";
    GapLoansGained => "{0} more new loans by week {1}", "到第 {1} 周多增 {0} 笔贷款";
    GapLoansEven => "No new loans lost by week {0}", "到第 {0} 周新增贷款持平";
    GapBookFewer => "{0} fewer loans on the book in week {1}", "第 {1} 周在贷少 {0} 户";
    GapBookMore => "{0} more loans on the book in week {1}", "第 {1} 周在贷多 {0} 户";
    GapBookEven => "The same book in week {0}", "第 {0} 周在贷户数相同";
    GapHoursLess => "{0} h less prospecting per AM by week {1}", "到第 {1} 周每人少营销 {0} 小时";
    GapHoursMore => "{0} h more prospecting per AM by week {1}", "到第 {1} 周每人多营销 {0} 小时";
    GapHoursEven => "The same prospecting by week {0}", "到第 {0} 周营销工时相同";
    GapProfitLess => "{0} less profit by week {1}", "到第 {1} 周利润少 {0}";
    GapProfitMore => "{0} more profit by week {1}", "到第 {1} 周利润多 {0}";
    GapProfitEven => "The same profit by week {0}", "到第 {0} 周利润相同";
    ScoreTitle => "Against the comparison", "与对照相比";
    ScoreLoansLost => "New loans lost so far", "累计少增贷款";
    ScoreLoansGained => "New loans gained so far", "累计多增贷款";
    ScoreProfitLost => "Profit lost so far", "累计少赚利润";
    ScoreProfitGained => "Profit gained so far", "累计多赚利润";
    ScorePair => "{0} vs {1}", "{0} 对比 {1}";
    DecideButton => "Decide… (D)", "决策…（D）";
    DebriefButton => "Debrief (E)", "复盘（E）";
    AutoplayLabel => "Play on replay", "重放时自动播放";
    DebriefTitle => "Debrief", "复盘";
    DebriefLesson => "The lesson", "结论";
    DebriefNumbers => "Three numbers", "三个数字";
    DebriefLoansLost => "New loans lost", "少增贷款";
    DebriefLoansGained => "New loans gained", "多增贷款";
    DebriefOver => "over {0} weeks, against {1}", "{0} 周合计，对照：{1}";
    DebriefRecover => "Weeks to recover", "恢复所需周数";
    DebriefRecoverDetail => "new loans 5% or more below the comparison from week {0}, back by week {1}", "新增贷款自第 {0} 周起比对照低 5% 以上，第 {1} 周恢复";
    DebriefNoRecovery => "not within the run", "模拟期内未恢复";
    DebriefNoRecoveryDetail => "new loans 5% or more below the comparison from week {0} to the end", "新增贷款自第 {0} 周起直到结束都比对照低 5% 以上";
    DebriefNoFall => "new loans never fell 5% below the comparison", "新增贷款从未比对照低 5% 以上";
    DebriefProfitLost => "Profit lost", "少赚利润";
    DebriefProfitGained => "Profit gained", "多赚利润";
    DebriefAtEnd => "by the end of week {0}", "截至第 {0} 周末";
    DebriefDecisions => "The decisions and what each changed", "决策及其效果";
    DebriefNoDecisions => "No decisions were taken in this play.", "本次演示未作任何决策。";
    DebriefEffect => "{0} new loans, {1} profit by the end", "到结束时新增贷款 {0}，利润 {1}";
    DebriefOwnLesson => "What happened in this scenario, against its comparison.", "本情景与对照相比的结果。";
    DebriefNoComparison => "This scenario has no comparison to measure a loss against.", "本情景没有可供衡量损失的对照。";
    DebriefPrint => "Print the debrief", "打印复盘";
    ShortcutDecide => "Open or close the decision form", "打开或关闭决策表单";
    ShortcutDebrief => "Open or close the debrief", "打开或关闭复盘";
    ShortcutEscape => "Close what is open, then leave presenter view", "关闭已打开的面板，再按退出演示视图";
    ShortcutEscKey => "Esc", "Esc";
    DecideShort => "Decide (D)", "决策（D）";
    DebriefShort => "Debrief (E)", "复盘（E）";
    PresenterOffShort => "Exit (P)", "退出（P）";
    FullScreenShort => "Full screen (F)", "全屏（F）";
    StageAllCharts => "All six charts", "全部六张图表";
    BookReasonMissing => "the cell is empty, and a loan needs it", "此项为空，但每笔贷款都需要";
    BookReasonDate => "not a date (write 2025-03-07, 2025/3/7, 2025年3月7日 or 07.03.2025)",
        "不是日期（可写作 2025-03-07、2025/3/7、2025年3月7日 或 07.03.2025）";
    BookReasonNumber => "not a number", "不是数字";
    BookReasonMaturityBefore => "the loan matures on or before the day it was disbursed",
        "到期日早于或等于放款日期";
    BookReasonClosedBefore => "the loan was closed before it was disbursed", "结清日期早于放款日期";
    BookReasonTier => "not a grade Cadence knows: map it to prime, standard or marginal",
        "无法识别的客户等级：请将它对应到优质、标准或边缘";
    BookReasonStatus => "not a status Cadence knows: map it to active, repaid or written off",
        "无法识别的状态：请将它对应到在贷、已结清或已核销";
    BookReasonDuplicate => "another row has the same loan id; the first one is kept",
        "与前面某行的借据号重复，只保留第一行";
    BookReasonClosedNoDate => "closed without a closing date: taken as closed at maturity",
        "已结清或核销但没有结清日期：按到期日结清处理";
    BookReasonRenewsUnknown => "renews a loan that is not in the file: still counted as a renewal",
        "续贷来源的借据不在文件中：仍按续贷计算";
    BookReasonNegative => "a negative value: the cell is ignored", "数值为负：忽略此项";
    BookReasonReadAsThousands => "the comma or point could group thousands or mark decimals, and the column's other values do not say which: read as thousands",
        "其中的逗号或句点既可能是千位分隔符也可能是小数点，本列其他数值无法判断：按千位分隔符读取";
    BookReasonReadAsDecimal => "the comma or point could group thousands or mark decimals, and the column's other values do not say which: read as a decimal mark",
        "其中的逗号或句点既可能是千位分隔符也可能是小数点，本列其他数值无法判断：按小数点读取";
    BookIssueSkipped => "Row {0}, {1} “{2}”: {3}. The row is skipped.",
        "第 {0} 行，{1}“{2}”：{3}。此行未导入。";
    BookIssueDoubtful => "Row {0}, {1} “{2}”: {3}.", "第 {0} 行，{1}“{2}”：{3}。";
    BookPrivacy => "Your file is read in this page only; nothing is sent anywhere.",
        "文件只在本页面中读取，不会发送到任何地方。";
    ViewBook => "Your data", "你的数据";
    BookTitle => "Your data: your team's loan book", "你的数据：团队的贷款台账";
    BookIntro => "Choose or drop the loan system's export (an Excel workbook, or CSV in UTF-8 or GB18030). Check each column's field, map your grades and status words, and start the plan from the book as it stood on the as-of date.",
        "选择或拖入贷款系统导出的台账（Excel 工作簿，或 UTF-8、GB18030 编码的 CSV）。核对每一列对应的字段，把你们的等级和状态对应好，然后从截至日的实际在贷开始做计划。";
    BookChoose => "Choose a loan-book file…", "选择台账文件…";
    BookExcelNote => "Excel workbooks (.xlsx, .xls) are read here too, from their first sheet: the Excel reader loads the first time you choose one.",
        "Excel 工作簿（.xlsx、.xls）也在本页面中读取（第一个工作表）：第一次选择工作簿时才加载 Excel 读取器。";
    BookReading => "Reading the workbook “{0}”…", "正在读取工作簿“{0}”……";
    BookDropHere => "Drop the loan-book file here to read it", "松开即可读取这个台账文件";
    BookFileLine => "{0}: {1} rows, {2} columns ({3})", "{0}：{1} 行，{2} 列（{3}）";
    BookRefusedNotWorkbook => "“{0}” is a packed file but holds no Excel workbook (is it another program's document?). Nothing was changed.",
        "“{0}”是压缩或复合文件，但其中没有 Excel 工作簿（是否为其他程序的文档？）。没有做任何更改。";
    BookRefusedDamaged => "“{0}” is a damaged workbook: it could not be read through. Open it in Excel and save it again, or export the sheet as CSV. Nothing was changed.",
        "“{0}”是损坏的工作簿，无法完整读取。请用 Excel 打开后重新保存，或把工作表导出为 CSV。没有做任何更改。";
    BookRefusedPassword => "“{0}” is protected by a password. Save a copy without the password to open it, and choose that. Nothing was changed.",
        "“{0}”设有打开密码。请另存一份不带密码的副本再选择它。没有做任何更改。";
    BookRefusedNoSheet => "“{0}” is a workbook without any sheet. Nothing was changed.", "“{0}”是没有任何工作表的工作簿。没有做任何更改。";
    BookRefusedReader => "The Excel reader could not be loaded to read “{0}” (are you offline?). Connect and choose the file again, or save the sheet as CSV. Nothing was changed.",
        "无法加载 Excel 读取器来读取“{0}”（是否已离线？）。请联网后重新选择该文件，或把工作表另存为 CSV。没有做任何更改。";
    BookRefusedEmpty => "“{0}” holds no table (it is empty or has no header row). Nothing was changed.",
        "“{0}”中没有表格（文件为空或没有表头行）。没有做任何更改。";
    BookRefusedLarge => "“{0}” is larger than 50 MB, more than a loan book export. Nothing was changed.",
        "“{0}”超过 50 MB，不像是贷款台账。没有做任何更改。";
    BookRefusedUnreadable => "The browser could not read “{0}”. Nothing was changed.", "浏览器无法读取“{0}”。没有做任何更改。";
    BookMappingTitle => "Columns and the fields they hold", "各列对应的字段";
    BookMappingHint => "Cadence guessed each column from its header and values. Correct any guess; a field can belong to one column only.",
        "Cadence 根据表头和内容猜测了每一列。如有不对请改正；每个字段只能对应一列。";
    BookColumn => "Column", "列";
    BookFieldHeader => "Field", "字段";
    BookFieldNone => "(not used)", "（不使用）";
    BookFieldLoanId => "Loan id", "借据号";
    BookFieldCustomerId => "Customer id", "客户编号";
    BookFieldDisbursedOn => "Disbursed on", "放款日期";
    BookFieldMaturesOn => "Matures on", "到期日";
    BookFieldTermWeeks => "Term, weeks", "期限（周）";
    BookFieldTermMonths => "Term, months", "期限（月）";
    BookFieldAmountCny => "Amount, CNY", "贷款金额（元）";
    BookFieldTier => "Grade (tier)", "客户等级";
    BookFieldStatus => "Status", "状态";
    BookFieldClosedOn => "Closed on", "结清日期";
    BookFieldRenewedFrom => "Renews loan", "续贷来源";
    BookFieldChannel => "Channel", "获客渠道";
    BookFieldDaysPastDue => "Days past due", "逾期天数";
    BookFieldAm => "Account manager", "客户经理";
    BookPreviewTitle => "The first rows", "前几行";
    BookLabelsTitle => "Your grades and status words", "你们的等级和状态";
    BookGradeOf => "Grade “{0}” (in the file: {1})", "等级“{0}”（{1} 笔）";
    BookStatusOf => "Status “{0}” (in the file: {1})", "状态“{0}”（{1} 笔）";
    BookUnknown => "(unknown: row skipped)", "（无法识别：跳过该行）";
    StatusActive => "Active", "在贷";
    StatusRepaid => "Repaid", "已结清";
    StatusWrittenOff => "Written off", "已核销";
    BookAsOf => "As of (the day the book is taken on)", "截至日（取该日的在贷）";
    BookAsOfHint => "Empty: the last date in the file ({0}).", "留空：使用文件中的最后日期（{0}）。";
    BookAsOfError => "“{0}” is not a date: write it as 2025-03-07, 2025/3/7 or 2025年3月7日.",
        "“{0}”不是日期：请写作 2025-03-07、2025/3/7 或 2025年3月7日。";
    BookMissing => "No column holds: {0}. Choose the field in the column's list.", "没有任何列对应：{0}。请在该列的下拉框中选择。";
    BookReportTitle => "Row report", "逐行报告";
    BookCounts => "Rows read: {0}. Loans imported: {1}. Rows skipped: {2}. Doubtful: {3}.", "共 {0} 行：导入 {1} 笔贷款，跳过 {2} 行，存疑 {3} 行。";
    BookNoIssues => "Every row was read.", "每一行都已读取。";
    BookMoreIssues => "… and {0} more.", "……还有 {0} 条。";
    BookNoLoans => "None of the {0} rows could be read as a loan.", "{0} 行中没有一行能读成贷款。";
    BacktestTitle => "Back-test: the model against what happened", "回测：模型与实际对比";
    BacktestIntro => "The rates are fitted from the loans known on the start date only, the model starts from that day's book and runs to the last date in the file; the charts set its forecast against what happened. Nothing after the start reaches the forecast.",
        "只用起始日当天已知的贷款拟合各项比率，模型从当天的在贷出发，一直运行到文件中的最后日期；图表把预测与实际放在一起。起始日之后的数据不会进入预测。";
    BacktestFrom => "Start of the back-test", "回测起始日";
    BacktestFromHint => "Empty: {0}, {1} weeks before the last date ({2}).", "留空：{0}，即最后日期（{2}）之前 {1} 周。";
    BacktestFromError => "“{0}” is not a date: write it as 2026-06-01, 2026/6/1 or 2026年6月1日.",
        "“{0}”不是日期：请写成 2026-06-01、2026/6/1 或 2026年6月1日。";
    BacktestTooShort => "From {0} to the last date ({1}) is {2} whole weeks; a back-test needs at least 13: choose an earlier start.",
        "从 {0} 到最后日期（{1}）只有 {2} 个整周，回测至少需要 13 周：请选更早的起始日。";
    BacktestTooLong => "From {0} to the last date ({1}) is {2} weeks; a back-test runs at most 156: choose a later start.",
        "从 {0} 到最后日期（{1}）有 {2} 周，回测最多 156 周：请选更晚的起始日。";
    BacktestNoHistory => "No loan had been disbursed by {0}: choose a later start.", "{0} 之前没有发放过贷款：请选更晚的起始日。";
    BacktestInvalid => "The scenario calibrated from the book is refused: {0}", "按台账校准后的方案无效：{0}";
    BacktestIntake => "New loans: a loan book does not hold prospecting hours, so the forecast keeps the scenario's {0} h per AM a week and scales every channel's yield by {1}, which makes the expected new loans {2} a week against {3} fitted before the start. The pipeline starts at that intake's steady state.",
        "新增贷款：台账里没有拓客工时，所以预测沿用方案的每位客户经理每周 {0} 小时，并把各渠道的产出乘以 {1}，使预期新增贷款为每周 {2} 笔（起始日之前拟合为 {3} 笔）。在途客户从这一获客水平的稳态开始。";
    BacktestHours => "The scenario's {0} h week cannot carry this book's volume with its activity times, so the forecast gives each AM {1} h: the book shows the work was done.",
        "按方案的作业时间，方案的每周 {0} 小时承载不了这份台账的业务量，所以预测给每位客户经理 {1} 小时：台账表明这些工作确实完成了。";
    BacktestActive => "Active loans", "在贷笔数";
    BacktestNew => "New loans", "新增贷款";
    BacktestRenewals => "Renewals", "续贷";
    BacktestInside => "{0}: {1} of {2} weeks inside the band.", "{0}：{2} 周中有 {1} 周落在区间内。";
    BacktestRunning => "Running the Monte Carlo band: {0} of {1} runs…", "正在计算蒙特卡洛区间：{1} 次中已完成 {0} 次……";
    BacktestFailed => "The band could not run: {0}", "无法计算区间：{0}";
    BacktestForecast => "Forecast (expected)", "预测（期望值）";
    BacktestBand => "P10–P90 of the forecast", "预测的 P10–P90";
    BacktestActual => "Actual", "实际";
    BacktestAxisRenewals => "Renewals per week (team)", "每周续贷（团队）";
    BacktestChartTitle => "{0}: forecast from {1} against actual", "{0}：自 {1} 起的预测与实际";
    BookStartingTitle => "The book on {0}", "{0} 的在贷";
    BookStartingLine => "{0} active loans: {1} prime, {2} standard, {3} marginal; {4} past due.",
        "在贷 {0} 笔：优质 {1}，标准 {2}，边缘 {3}；逾期 {4} 笔。";
    BookStart => "Start from this book", "从这份台账开始";
    BookStartHint => "The workspace runs from these loans from week 1; the scenario before it is pinned for comparison. Your library changes only when you save.",
        "工作区从第 1 周起按这些贷款运行；之前的方案会固定下来供对比。只有保存时才会改动方案库。";
    BookStarted => "The workspace starts from {0} loans on {1}.", "工作区已从 {1} 的 {0} 笔在贷开始。";
    BookBeforePin => "Before your book", "导入台账之前";
    BookRatesTitle => "Your rates beside the scenario's", "你们的数据与方案默认值对比";
    BookRateName => "Rate", "指标";
    BookRateYours => "Your data (90 % interval)", "你们的数据（90% 区间）";
    BookRateCount => "Based on", "依据";
    BookRateDefault => "Scenario now", "方案当前值";
    BookAccept => "Accept", "采用";
    BookAcceptAll => "Accept all", "全部采用";
    BookAccepted => "In the scenario", "已采用";
    BookTooFew => "too few to say", "数据太少，无法判断";
    BookThin => "{0} — too few to rely on; not in “Accept all”", "{0}——数据太少，不宜直接采用；“全部采用”不含此项";
    BookRateRenewal => "Renewal, {0}", "续贷率，{0}";
    BookRateDefaultHazard => "Default per week, {0}", "每周违约率，{0}";
    BookRateAmount => "Amount, {0}", "贷款金额，{0}";
    BookCountLoans => "renewed: {0} of {1}", "{1} 笔中续贷 {0} 笔";
    BookCountWeeks => "defaults: {0} in {1} loan-weeks", "{1} 贷款周中违约 {0} 笔";
    BookCountMean => "loans: {0}", "{0} 笔";
    BookSource => "Accepted into the scenario from {0}, as of {1}.", "已从 {0} 采用到方案中（截至 {1}）。";
    BookRemembered => "Mapping remembered from your last file with these columns.", "已沿用上次相同列的文件的对应方式。";
    BookRememberKept => "Your corrections are remembered for the next file with these columns.", "你的更正已记住，下次打开相同列的文件时沿用。";
    BookForget => "Forget this mapping", "忘记这个对应方式";
    FieldFittedFrom => "Fitted from {0}, {1} (n = {2}); editing it drops this.", "拟合自 {0}，{1}（n = {2}）；手动修改后此说明会去掉。";
    BookRateTermMix => "Term mix ({0} weeks)", "期限结构（{0} 周）";
    BookRateYield => "Leads per hour, {0}", "每小时线索，{0}";
    BookRateSaturation => "Saturation hours, {0}", "饱和小时数，{0}";
    BookCountYield => "{0} leads in {1} h over {2} AM-weeks", "{2} 个客户经理周、{1} 小时内 {0} 条线索";
    BookCountSaturation => "{0} AM-weeks of {1}–{2} h", "{0} 个客户经理周，每周 {1}–{2} 小时";
    BookYieldThin => "{0}: {1} AM-weeks with hours — its yield is uncertain between {2} and {3}; not in “Accept all”",
        "{0}：只有 {1} 个有投入时数的客户经理周——每小时线索在 {2} 到 {3} 之间，难以确定；“全部采用”不含此项";
    BookSaturationAtLeast => "not identified: no saturation shows in the hours worked (at least {0} h)",
        "无法识别：在已投入的时数内看不出饱和（至少 {0} 小时）";
    BookSaturationFlat => "not identified: the hours per AM-week vary too little to say",
        "无法识别：每个客户经理每周的时数变化太小";
    BookSourceLine => "fitted from {0}, {1} (n = {2}, 90 %: {3} – {4})", "拟合自 {0}，{1}（n = {2}，90%：{3} – {4}）";
    BookActivityChoose => "Add the weekly activity file (optional)", "添加每周活动文件（可选）";
    BookActivityTitle => "From the activity file", "来自活动文件";
    BookActivityLine => "{0}: {1} rows, weeks from {2} to {3}.", "{0}：{1} 行，{2} 至 {3} 的各周。";
    BookActivityNoColumns => "“{0}” has no prospecting_hours_<channel> with leads_<channel> columns, nor approved with declined. Nothing was changed.",
        "“{0}”中没有 prospecting_hours_<渠道> 与 leads_<渠道> 列，也没有 approved 与 declined 列。没有做任何更改。";
    BookActivityBadCell => "Row {0}, {1} “{2}”: not a number; that AM-week is left out.", "第 {0} 行，{1}“{2}”：不是数字；该客户经理周未计入。";
    BookApproval => "Approval, whole team", "审批通过率（全团队）";
    BookApprovalCount => "approved: {0} of {1} applications", "{1} 笔申请中通过 {0} 笔";
    BookApprovalNote => "The file gives no tier of the applications, so approval per tier stays the scenario's ({0}): it needs the declined applications by tier.",
        "文件没有申请的客户等级，因此分等级的审批通过率仍用方案的值（{0}）：这需要按等级统计的拒绝申请。";
    BookCannotTitle => "What these files cannot say", "这些文件无法说明的";
    BookCannotApproval => "Approval per tier: needs the declined applications by tier (a loan book holds only the loans made).",
        "分等级的审批通过率：需要按等级统计的拒绝申请（台账里只有已放款的贷款）。";
    BookCannotCure => "Cure and write-off timing: need the dates loans went past due and cured — a snapshot of days past due cannot say how fast loans cure.",
        "逾期后的回收与核销速度：需要贷款逾期和恢复正常的日期——某一天的逾期天数无法说明贷款多快恢复正常。";
    BookCannotMix => "Each channel's tier mix: needs the applications by channel and tier; the new loans' tiers are the mixes and approval together, not one parameter.",
        "各渠道的客户等级构成：需要按渠道和等级统计的申请；新贷款的等级分布是构成与审批共同作用的结果，不是单个参数。";
}

/// The label of a parameter's unit, shown beside its input.
#[must_use]
pub fn unit_text(unit: Unit) -> Text {
    match unit {
        Unit::Ams => Text::UnitAms,
        Unit::HoursPerAmWeek => Text::UnitHoursPerAmWeek,
        Unit::Weeks => Text::UnitWeeks,
        Unit::WeekOfYear => Text::UnitWeekOfYear,
        Unit::SimWeek => Text::UnitSimWeek,
        Unit::LoansPerAm => Text::UnitLoansPerAm,
        Unit::CnyPerHour => Text::UnitCnyPerHour,
        Unit::Runs => Text::UnitRuns,
        Unit::HoursPerCase => Text::UnitHoursPerCase,
        Unit::HoursPerLoanWeek => Text::UnitHoursPerLoanWeek,
        Unit::HoursPerPastDueWeek => Text::UnitHoursPerPastDueWeek,
        Unit::ProspectsPerHour => Text::UnitProspectsPerHour,
        Unit::LeadsPerAmWeek => Text::UnitLeadsPerAmWeek,
        Unit::Cny => Text::UnitCny,
        Unit::PerYear => Text::UnitSharePerYear,
        Unit::PerWeek => Text::UnitPerWeek,
        Unit::People => Text::UnitPeople,
        Unit::Factor => Text::UnitFactor,
        Unit::Share => Text::UnitShare,
        Unit::Multiplier => Text::UnitMultiplier,
        Unit::AppsPerAmWeek => Text::UnitAppsPerAmWeek,
        Unit::ShareOfHours => Text::UnitShareOfHours,
    }
}

/// The unit as it follows a number in a sentence ("between 5 and 80 h per AM per week"); `None`
/// for units a sentence needs no word for (shares, multipliers, weeks of the year).
#[must_use]
pub fn unit_words(unit: Unit) -> Option<Text> {
    match unit {
        Unit::WeekOfYear
        | Unit::SimWeek
        | Unit::PerYear
        | Unit::PerWeek
        | Unit::Factor
        | Unit::Share
        | Unit::Multiplier
        | Unit::ShareOfHours => None,
        other => Some(unit_text(other)),
    }
}

/// Fills `{0}`, `{1}`, … in a translated template with the given arguments.
#[must_use]
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in Text::ALL {
            let en = key.get(Lang::En);
            let zh = key.get(Lang::Zh);
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert!(!zh.trim().is_empty(), "{key:?} has no Chinese text");
            let placeholders = |s: &str| s.matches('{').count();
            assert_eq!(
                placeholders(en),
                placeholders(zh),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn browser_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH-tw"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} of {1}", &["3", "8"]), "3 of 8");
    }
}
