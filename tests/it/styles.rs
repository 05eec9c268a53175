//! The stylesheets keep the design in one place (issue 13, item 5): every colour and type size is a
//! token in `styles/tokens.css`, the presenter view overrides tokens instead of re-colouring
//! elements, every print rule is in `styles/print.css`, and the chart colours in `tokens.css` are
//! generated from the charts' themes in Rust (`charts::palette_css`).
//!
//! The stylesheets are read by a small scanner (comments, at-rule blocks, rules, declarations),
//! enough for the page's own CSS. Regenerate the chart colours:
//! `CADENCE_UPDATE_STYLES=1 cargo test --test it styles`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use cadence::ui::charts::palette_css;

use crate::docs::diff;

const TOKENS: &str = "tokens.css";
const PRINT: &str = "print.css";
const BEGIN: &str = "/* generated from src/ui/charts/mod.rs: begin */";
const END: &str = "/* generated from src/ui/charts/mod.rs: end */";
const REGENERATE: &str = "CADENCE_UPDATE_STYLES=1 cargo test --test it styles";

fn styles_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/styles"))
}

/// Every stylesheet under `styles/`, as `(file name, text)`, by name.
fn stylesheets() -> Vec<(String, String)> {
    let mut sheets: Vec<(String, String)> = std::fs::read_dir(styles_dir())
        .expect("styles/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "css"))
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy();
            let text = std::fs::read_to_string(&path).expect("a stylesheet is text");
            (name.into_owned(), text)
        })
        .collect();
    sheets.sort();
    sheets
}

// ---------------------------------------------------------------------------------------------
// The scanner.

/// One `property: value` with the line it starts on.
#[derive(Debug)]
struct Declaration {
    line: usize,
    property: String,
    value: String,
}

/// A style rule (or an at-rule holding declarations, such as `@page`) with the at-rule blocks it
/// sits in, outermost first.
#[derive(Debug)]
struct Rule {
    line: usize,
    at_rules: Vec<String>,
    selector: String,
    declarations: Vec<Declaration>,
}

/// A stylesheet as the checks see it: its rules, and every at-rule prelude with its line.
#[derive(Debug, Default)]
struct Sheet {
    rules: Vec<Rule>,
    at_rules: Vec<(usize, String)>,
}

/// The at-rules whose block holds rules rather than declarations.
const GROUPING_AT_RULES: [&str; 5] = ["@media", "@supports", "@layer", "@container", "@document"];

/// `css` without comments; each comment becomes spaces (its newlines kept, so lines still count).
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start + 2..]
            .find("*/")
            .map_or(rest.len(), |e| start + 2 + e + 2);
        out.extend(
            rest[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Reads a stylesheet into rules; an unbalanced brace is an error with its line.
fn scan(css: &str) -> Result<Sheet, String> {
    enum Frame {
        Group,
        Rule(usize),
    }
    let css = without_comments(css);
    let mut sheet = Sheet::default();
    let mut frames: Vec<Frame> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    let (mut buf, mut buf_line, mut line) = (String::new(), 1, 1);
    let mut quote: Option<char> = None;
    let declare = |sheet: &mut Sheet, frames: &[Frame], buf: &str, buf_line: usize| {
        if let (Some(Frame::Rule(index)), Some((property, value))) =
            (frames.last(), buf.split_once(':'))
        {
            sheet.rules[*index].declarations.push(Declaration {
                line: buf_line,
                property: property.trim().to_ascii_lowercase(),
                value: value.trim().to_owned(),
            });
        }
    };
    for c in css.chars() {
        if c == '\n' {
            line += 1;
        }
        if let Some(q) = quote {
            buf.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => {
                quote = Some(c);
                buf.push(c);
            }
            '{' => {
                let prelude = buf.split_whitespace().collect::<Vec<_>>().join(" ");
                if prelude.starts_with('@') {
                    sheet.at_rules.push((buf_line, prelude.clone()));
                }
                let keyword = prelude.split_whitespace().next().unwrap_or("");
                if GROUPING_AT_RULES.contains(&keyword) {
                    frames.push(Frame::Group);
                    groups.push(prelude);
                } else {
                    sheet.rules.push(Rule {
                        line: buf_line,
                        at_rules: groups.clone(),
                        selector: prelude,
                        declarations: Vec::new(),
                    });
                    frames.push(Frame::Rule(sheet.rules.len() - 1));
                }
                buf.clear();
            }
            ';' => {
                declare(&mut sheet, &frames, &buf, buf_line);
                buf.clear();
            }
            '}' => {
                if !buf.trim().is_empty() {
                    declare(&mut sheet, &frames, &buf, buf_line);
                }
                buf.clear();
                match frames.pop() {
                    Some(Frame::Group) => {
                        groups.pop();
                    }
                    Some(Frame::Rule(_)) => {}
                    None => return Err(format!("line {line}: `}}` closes nothing")),
                }
            }
            _ => {
                if buf.trim().is_empty() && !c.is_whitespace() {
                    buf_line = line;
                }
                buf.push(c);
            }
        }
    }
    if frames.is_empty() {
        Ok(sheet)
    } else {
        Err(format!("{} block(s) left open at the end", frames.len()))
    }
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// CSS's named colours, then its system colours, which are raw colours as much as `#rrggbb` is.
/// `transparent`, `currentColor` and `inherit` are not colours of the design, so they are allowed.
const NAMED_COLOURS: &str = "\
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue \
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk \
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki \
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen \
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue \
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite \
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki \
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan \
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen \
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen \
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen \
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream \
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid \
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum \
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown \
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen \
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen \
    accentcolor accentcolortext activetext buttonborder buttonface buttontext canvas canvastext \
    field fieldtext graytext highlight highlighttext linktext mark marktext selecteditem \
    selecteditemtext visitedtext";

/// The colour functions; `var()`, `calc()` and the like are not among them.
const COLOUR_FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
];

/// Properties whose words are names, not colours (grid areas, font families).
const NAME_PROPERTIES: &[&str] = &["grid-area", "grid-template-areas", "font-family", "font"];

/// The raw colours in one declaration's value: hex colours, colour functions and named colours.
fn raw_colours(property: &str, value: &str) -> Vec<String> {
    let mut unquoted = String::new();
    let mut quote = None;
    for c in value.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => unquoted.push(c),
        }
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut found = Vec::new();
    let chars: Vec<char> = unquoted.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '#' {
            let hex: String = chars[i + 1..].iter().take_while(|c| is_word(**c)).collect();
            if matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                found.push(format!("#{hex}"));
            }
            i += 1 + hex.len();
        } else if is_word(chars[i]) {
            let word: String = chars[i..].iter().take_while(|c| is_word(**c)).collect();
            let next = chars.get(i + word.chars().count()).copied();
            let lower = word.to_ascii_lowercase();
            if next == Some('(') {
                if COLOUR_FUNCTIONS.contains(&lower.as_str()) {
                    found.push(format!("{word}()"));
                }
            } else if !word.starts_with("--")
                && !NAME_PROPERTIES.contains(&property)
                && NAMED_COLOURS.split_whitespace().any(|name| name == lower)
            {
                found.push(word.clone());
            }
            i += word.chars().count();
        } else {
            i += 1;
        }
    }
    found
}

/// Whether a media query list applies to paper.
fn is_print_media(prelude: &str) -> bool {
    prelude.strip_prefix("@media").is_some_and(|queries| {
        queries
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .any(|word| word.eq_ignore_ascii_case("print"))
    })
}

/// Whether a selector names the presenter view.
fn is_presenter(selector: &str) -> bool {
    selector.match_indices(".is-presenter").any(|(at, m)| {
        !selector[at + m.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// The properties that colour an element or size its type; a presenter rule sets none of them.
fn colours_or_sizes_type(property: &str) -> bool {
    const EXACT: &[&str] = &[
        "color",
        "fill",
        "stroke",
        "accent-color",
        "caret-color",
        "box-shadow",
        "text-shadow",
        "text-decoration",
        "text-decoration-color",
        "column-rule",
        "column-rule-color",
        "filter",
        "font",
        "font-size",
    ];
    let border_colour = property.starts_with("border")
        && !property.ends_with("-width")
        && !property.ends_with("-style")
        && !property.contains("radius")
        && !matches!(property, "border-collapse" | "border-spacing");
    let outline_colour = property.starts_with("outline") && !property.ends_with("-offset");
    EXACT.contains(&property)
        || property.starts_with("background")
        || border_colour
        || outline_colour
}

/// Whether a type size names a token (or inherits one).
fn is_token_size(value: &str) -> bool {
    let value = value.trim_end_matches("!important").trim();
    value.starts_with("var(--") || matches!(value, "inherit" | "initial" | "unset")
}

/// Every rule a stylesheet breaks, one line each as `file:line: problem`.
fn problems(file: &str, css: &str) -> Vec<String> {
    let sheet = match scan(css) {
        Ok(sheet) => sheet,
        Err(e) => return vec![format!("{file}: {e}")],
    };
    let mut out = Vec::new();
    if file != PRINT {
        for (line, prelude) in &sheet.at_rules {
            if is_print_media(prelude) || prelude.starts_with("@page") {
                out.push(format!(
                    "{file}:{line}: `{prelude}` belongs in {PRINT}, with every print rule"
                ));
            }
        }
    }
    for rule in &sheet.rules {
        let presenter = is_presenter(&rule.selector);
        for d in &rule.declarations {
            let at = format!("{file}:{}", d.line);
            let declaration = format!("`{}: {}`", d.property, d.value);
            if file != TOKENS {
                let colours = raw_colours(&d.property, &d.value);
                if !colours.is_empty() {
                    out.push(format!(
                        "{at}: {declaration} has a raw colour ({}); name it in {TOKENS}",
                        colours.join(", ")
                    ));
                }
                if (d.property == "font-size" || d.property == "font") && !is_token_size(&d.value) {
                    out.push(format!(
                        "{at}: {declaration} is a type size that is not a token of {TOKENS}"
                    ));
                }
            }
            if presenter && d.property.starts_with("--") && file != TOKENS {
                out.push(format!(
                    "{at}: the presenter view's {declaration} belongs with the tokens, in {TOKENS}"
                ));
            }
            if presenter && !d.property.starts_with("--") && colours_or_sizes_type(&d.property) {
                out.push(format!(
                    "{at}: `{}` sets {declaration} directly; override a token in {TOKENS} instead",
                    rule.selector
                ));
            }
        }
    }
    out
}

/// The custom properties a stylesheet declares and the ones it uses, by name.
fn custom_properties(css: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let sheet = scan(css).expect("the stylesheet scans");
    let (mut declared, mut used) = (BTreeSet::new(), BTreeSet::new());
    for d in sheet.rules.iter().flat_map(|r| &r.declarations) {
        if d.property.starts_with("--") {
            declared.insert(d.property.clone());
        }
        for (at, _) in d.value.match_indices("var(") {
            let name: String = d.value[at + 4..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            used.insert(name);
        }
    }
    (declared, used)
}

/// `tokens` with the text between the generated-palette markers replaced by `palette_css()`.
fn with_palette(tokens: &str) -> Option<String> {
    let begin = tokens.find(BEGIN)? + BEGIN.len();
    let end = begin + tokens[begin..].find(END)?;
    Some(format!(
        "{}\n{}{}",
        &tokens[..begin],
        palette_css(),
        &tokens[end..]
    ))
}

// ---------------------------------------------------------------------------------------------
// The page's stylesheets.

#[test]
fn the_chart_colours_in_tokens_css_are_generated_from_the_chart_themes() {
    let path = styles_dir().join(TOKENS);
    let tokens = std::fs::read_to_string(&path).expect("styles/tokens.css");
    let generated = with_palette(&tokens).unwrap_or_else(|| {
        panic!("styles/tokens.css has no `{BEGIN}` … `{END}` markers, in that order")
    });
    if std::env::var_os("CADENCE_UPDATE_STYLES").is_some() {
        std::fs::write(&path, &generated).expect("styles/tokens.css written");
        return;
    }
    assert!(
        tokens == generated,
        "styles/tokens.css's chart colours differ from src/ui/charts/mod.rs (- tokens.css, + Rust):\n\
         {}\nRegenerate them with `{REGENERATE}`.",
        diff(&tokens, &generated)
    );
}

#[test]
fn the_stylesheets_keep_colours_and_type_sizes_in_tokens_print_in_print_css_and_presenter_in_tokens(
) {
    let sheets = stylesheets();
    let names: Vec<&str> = sheets.iter().map(|(name, _)| name.as_str()).collect();
    assert!(
        names.contains(&TOKENS) && names.contains(&PRINT),
        "styles/ has {names:?}"
    );
    let found: Vec<String> = sheets
        .iter()
        .flat_map(|(name, css)| problems(name, css))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_custom_property_a_stylesheet_uses_is_declared() {
    let (mut declared, mut used) = (BTreeSet::new(), BTreeSet::new());
    for (_, css) in stylesheets() {
        let (d, u) = custom_properties(&css);
        declared.extend(d);
        used.extend(u);
    }
    let undeclared: Vec<&String> = used.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "used but never declared: {undeclared:?}"
    );
}

#[test]
fn the_dark_and_presenter_palettes_give_every_colour_token_a_value() {
    let tokens = std::fs::read_to_string(styles_dir().join(TOKENS)).expect("styles/tokens.css");
    let generated = tokens.find(BEGIN).expect("markers");
    let sheet = scan(&tokens[..generated]).expect("tokens.css scans");
    let declared = |selector: &str, at_rule: Option<&str>| -> BTreeSet<String> {
        sheet
            .rules
            .iter()
            .filter(|r| r.selector == selector && r.at_rules.last().map(String::as_str) == at_rule)
            .flat_map(|r| &r.declarations)
            .map(|d| d.property.clone())
            .collect()
    };
    // The light palette's colours, less paper's and the shadows (black in every scheme).
    let colours: BTreeSet<String> = sheet
        .rules
        .iter()
        .filter(|r| r.selector == ":root" && r.at_rules.is_empty())
        .flat_map(|r| &r.declarations)
        .filter(|d| !raw_colours(&d.property, &d.value).is_empty())
        .filter(|d| !d.property.starts_with("--print-") && !d.property.starts_with("--shadow-"))
        .map(|d| d.property.clone())
        .collect();
    assert!(
        colours.contains("--bg") && colours.contains("--warn"),
        "{colours:?}"
    );
    let dark = declared(
        ":root",
        Some("@media screen and (prefers-color-scheme: dark)"),
    );
    let presenter = declared(".is-presenter", Some("@media screen"));
    for (palette, names) in [("dark", &dark), ("presenter", &presenter)] {
        let missing: Vec<&String> = colours.difference(names).collect();
        assert!(
            missing.is_empty(),
            "the {palette} palette leaves {missing:?} light"
        );
    }
}

#[test]
fn the_page_links_every_stylesheet_and_no_other() {
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let linked: BTreeSet<String> = index
        .match_indices("href=\"styles/")
        .map(|(at, m)| {
            let rest = &index[at + m.len()..];
            rest[..rest.find('"').expect("the href ends")].to_owned()
        })
        .collect();
    let present: BTreeSet<String> = stylesheets().into_iter().map(|(name, _)| name).collect();
    assert_eq!(linked, present);
    // The tokens come first, so every later stylesheet can use them; paper comes last.
    let order: Vec<usize> = [TOKENS, "main.css", PRINT]
        .iter()
        .map(|name| index.find(&format!("styles/{name}")).expect("linked"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

// ---------------------------------------------------------------------------------------------
// The checks find what they are for.

#[test]
fn the_checks_find_raw_colours_print_rules_and_presenter_rules_outside_their_homes() {
    let bad = r"
/* A comment with #ffffff and @media print { } is not a rule. */
.a { color: #fff; }
.b { background: rgba(0, 0, 0, 0.3); border: 1px solid Red; }
.c { box-shadow: 0 0 2px hsl(0 0% 0%); }
.d { font-size: 0.78rem; }
@media print {
  .e { display: none; }
}
@page { margin: 1cm; }
.is-presenter .kpi-value { font-size: var(--text-lg); }
.app.is-presenter { background: var(--bg); }
.is-presenter { --bg: var(--surface); }
";
    let found = problems("main.css", bad);
    let expect = [
        "main.css:3: `color: #fff` has a raw colour (#fff)",
        "main.css:4: `background: rgba(0, 0, 0, 0.3)` has a raw colour (rgba())",
        "main.css:4: `border: 1px solid Red` has a raw colour (Red)",
        "main.css:5: `box-shadow: 0 0 2px hsl(0 0% 0%)` has a raw colour (hsl())",
        "main.css:6: `font-size: 0.78rem` is a type size that is not a token",
        "main.css:7: `@media print` belongs in print.css",
        "main.css:10: `@page` belongs in print.css",
        "main.css:11: `.is-presenter .kpi-value` sets `font-size: var(--text-lg)` directly",
        "main.css:12: `.app.is-presenter` sets `background: var(--bg)` directly",
        "main.css:13: the presenter view's `--bg: var(--surface)` belongs with the tokens",
    ];
    for line in expect {
        assert!(
            found.iter().any(|p| p.starts_with(line)),
            "`{line}` not among:\n{}",
            found.join("\n")
        );
    }
    assert_eq!(found.len(), expect.len(), "{}", found.join("\n"));
    // The same print rules are at home in print.css, and raw colours in tokens.css.
    assert!(problems(
        PRINT,
        "@media print { .e { display: none; } }\n@page { margin: 1cm; }"
    )
    .is_empty());
    assert!(problems(
        TOKENS,
        ":root { --bg: #fff; }\n.is-presenter { --bg: #000; }"
    )
    .is_empty());
}

#[test]
fn the_checks_pass_what_is_not_a_raw_colour() {
    let good = r##"
.a { color: var(--text); background: transparent; border-color: currentColor; }
.b { grid-template-areas: "red tan" "gold navy"; font-family: var(--font-mono); }
.c { outline: 3px solid var(--focus); filter: grayscale(1); clip: rect(0 0 0 0); }
.d::before { content: "#fff white"; }
.e { font: inherit; font-size: var(--text-sm); }
#chart-profit { display: none; }
.is-presenter .charts { grid-template-columns: repeat(auto-fit, minmax(min(100%, 36rem), 1fr)); }
.is-presenter-like { color: var(--text); }
@media (max-width: 560px) and (prefers-color-scheme: dark) { .f { padding: 0; } }
"##;
    assert_eq!(problems("main.css", good), Vec::<String>::new());
    assert!(!is_print_media(
        "@media screen and (prefers-color-scheme: dark)"
    ));
    assert!(is_print_media("@media screen, print"));
}

#[test]
fn an_edited_chart_colour_is_found_and_regenerated() {
    let tokens = std::fs::read_to_string(styles_dir().join(TOKENS)).expect("styles/tokens.css");
    let fault = "--chart-fault: #d55e00;";
    assert!(tokens.contains(fault), "tokens.css has no {fault}");
    let edited = tokens.replacen(fault, "--chart-fault: #ff0000;", 1);
    let regenerated = with_palette(&edited).expect("markers");
    assert_eq!(Some(regenerated.clone()), with_palette(&tokens));
    assert!(diff(&edited, &regenerated).contains("-   --chart-fault: #ff0000;"));
    // Without its markers the file cannot be regenerated, and the test says so.
    assert_eq!(with_palette(&tokens.replace(BEGIN, "")), None);
}

#[test]
fn the_scanner_reads_nesting_and_reports_unbalanced_braces() {
    let sheet = scan("@media print {\n  .a,\n  .b { color: red; display: none }\n}\n.c { x: y }")
        .expect("balanced");
    assert_eq!(sheet.rules.len(), 2);
    assert_eq!(sheet.rules[0].selector, ".a, .b");
    assert_eq!(sheet.rules[0].at_rules, vec!["@media print".to_owned()]);
    assert_eq!(sheet.rules[0].line, 2);
    assert_eq!(sheet.rules[0].declarations.len(), 2);
    assert_eq!(sheet.rules[0].declarations[1].property, "display");
    assert!(sheet.rules[1].at_rules.is_empty());
    assert!(scan(".a { color: red; ").is_err());
    assert!(scan(".a { } }").is_err());
}
