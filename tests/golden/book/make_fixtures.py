#!/usr/bin/env python3
"""Writes the loan-book fixtures of tests/it/book.rs (issue 17) with the standard library only.

  bom-semicolon.csv   UTF-8 with a byte-order mark, semicolons, English headers, one bad row of each kind
  gb18030.csv         GB18030 (as Chinese loan systems export), commas, Chinese headers, 优/良/差,
                      every date style of the issue
  small.xlsx          a one-sheet workbook (inline strings, dates as Excel serial numbers), written
                      as the SpreadsheetML parts zipped by hand
  empty-sheet.xlsx    the same workbook with nothing on its sheet
  not-a-workbook.xlsx a zip named like a workbook, holding a text file only

Run from the repository root: python3 tests/golden/book/make_fixtures.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

BOM_SEMICOLON = """loan_id;customer_id;disbursed_on;matures_on;amount_cny;grade;status;closed_on;renewed_from;days_past_due
L001;C01;2025-01-06;2025-07-07;150000;B;active;;;0
L002;C02;2024-10-07;2025-04-07;300000;A;repaid;2025-04-07;;
L003;C02;2025-04-07;2025-10-06;300000;A;active;;L002;
L004;C03;2025-02-30;2025-08-01;60000;C;active;;;
L005;C04;2025-03-03;2025-01-01;60000;C;active;;;
L006;C05;2025-03-03;2025-09-01;60000;Z;active;;;
L001;C06;2025-03-03;2025-09-01;60000;C;active;;;
L007;C07;2024-12-02;2025-06-02;60000;C;written_off;;;
L008;C08;2025-03-03;2025-09-01;60000;C;active;;;45
L009;C09;2025-02-03;2025-08-04;150000;B;active;;L999;
"""

GB18030 = """借据号,客户编号,放款日期,到期日,贷款金额,客户等级,状态,结清日期,续贷来源,逾期天数,客户经理
J1,K1,2025/1/6,2025/7/7,"150,000",良,正常,,,0,张伟
J2,K2,2024年10月7日,2025年4月7日,300000,优,已结清,2025年4月7日,,0,张伟
J3,K2,07.04.2025,06.10.2025,300000,优,正常,,J2,0,李娜
J4,K3,45726,45908,60000,差,正常,,,0,李娜
J5,K4,2024-12-02,2025-06-02,60000,差,核销,2025-05-20,,,王芳
J6,K5,2025/3/3,2025/9/1,60000,中等,正常,,,0,王芳
J7,K6,2025/3/3,,60000,差,正常,,,0,王芳
"""

XLSX_ROWS = [
    ["loan_id", "disbursed_on", "term_months", "amount_cny", "tier", "status", "closed_on"],
    ["X1", 45663, 6, 150000, "B", "active", None],
    ["X2", 45572, 6, 300000, "A", "repaid", 45754],
    ["X3", 45754, 12, 60000, "C", "active", None],
    ["X4", "not a date", 6, 60000, "C", "active", None],
]


def col(i):
    return chr(ord("A") + i)


def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{col(c)}{r}"
            if value is None:
                continue
            if isinstance(value, str):
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
            else:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(path, rows):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Loans" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet_xml(rows),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            # A fixed timestamp keeps the file byte-identical from run to run.
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def main():
    with open(os.path.join(HERE, "bom-semicolon.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + BOM_SEMICOLON.replace("\n", "\r\n").encode("utf-8"))
    with open(os.path.join(HERE, "gb18030.csv"), "wb") as f:
        f.write(GB18030.replace("\n", "\r\n").encode("gb18030"))
    write_xlsx(os.path.join(HERE, "small.xlsx"), XLSX_ROWS)
    write_xlsx(os.path.join(HERE, "empty-sheet.xlsx"), [])
    with zipfile.ZipFile(os.path.join(HERE, "not-a-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("readme.txt", date_time=(2026, 12, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, "not a workbook")


if __name__ == "__main__":
    main()
