//! The quote as an XLSX workbook for ERP import and spreadsheets: a `Lines` sheet, a `BOM` sheet
//! and a `Quote` sheet with the details. Amounts are numbers with a money format; totals are
//! `SUM`/`SUMIF` formulas whose computed values are stored too, so readers without a formula
//! engine see them. The creation date is the issue date: the same quote gives the same bytes.

use crate::domain::pricing::quote::Quote;
use crate::domain::pricing::quote_document::QuoteDocument;
use crate::storage::csv_quote::price_tables_text;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

/// Column heads of the `Lines` sheet.
pub const LINE_HEADER: [&str; 15] = [
    "Position",
    "SKU",
    "Product ID",
    "Description",
    "Quantity",
    "Unit price",
    "Discount %",
    "Amount",
    "Quote discount",
    "Net",
    "VAT %",
    "VAT",
    "Gross",
    "Items",
    "Price tables",
];

/// Columns of `Lines` holding money, summed in the total row.
const MONEY_COLUMNS: [u16; 6] = [5, 7, 8, 9, 11, 12];
/// Columns of `Lines` summed in the total row.
const SUMMED_COLUMNS: [u16; 7] = [4, 7, 8, 9, 11, 12, 5];

/// Most characters Excel keeps in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Text cut to fit one cell, ending with a note of what was left out.
fn cell(text: &str) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.to_owned();
    }
    // The note is at most 40 characters; the kept part ends on a character boundary.
    let kept: String = text.chars().take(MAX_CELL_CHARS - 40).collect();
    let left_out = text.chars().count() - kept.chars().count();
    format!("{kept}… ({left_out} more characters)")
}

/// The layout ids of a line, as many as fit in one cell, then how many more there are.
fn items_cell(ids: &[&str]) -> String {
    let mut text = String::new();
    let mut chars = 0;
    for (index, id) in ids.iter().enumerate() {
        // Room for the separator, the id and a closing "… and N more" note.
        if chars + 1 + id.chars().count() + 40 > MAX_CELL_CHARS && index + 1 < ids.len() {
            text.push_str(&format!(" … and {} more", ids.len() - index));
            return text;
        }
        if index > 0 {
            text.push(' ');
            chars += 1;
        }
        text.push_str(id);
        chars += id.chars().count();
    }
    cell(&text)
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A cached formula result: the exact decimal with the currency's decimals.
fn result(value: Decimal, decimals: u32) -> String {
    let mut fixed = value;
    fixed.rescale(decimals);
    fixed.to_string()
}

/// `A`..`Z` for a column index (the sheets have fewer than 26 columns).
fn column_letter(column: u16) -> char {
    char::from(b'A' + u8::try_from(column).unwrap_or(25).min(25))
}

struct Formats {
    head: Format,
    money: Format,
    total_label: Format,
    total_money: Format,
    total_number: Format,
    wrap: Format,
}

impl Formats {
    fn new(quote: &Quote) -> Self {
        let decimals = usize::try_from(quote.currency.decimals).unwrap_or(2);
        let pattern = if decimals == 0 {
            format!("#,##0 \"{}\"", quote.currency.code)
        } else {
            format!("#,##0.{} \"{}\"", "0".repeat(decimals), quote.currency.code)
        };
        let money = Format::new().set_num_format(&pattern);
        Self {
            head: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            total_label: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_money: money.clone().set_bold().set_border_top(FormatBorder::Thin),
            total_number: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            money,
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

fn write_lines(sheet: &mut Worksheet, quote: &Quote, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name("Lines")?;
    let decimals = quote.currency.decimals;
    for (column, title) in (0u16..).zip(LINE_HEADER) {
        let title = if MONEY_COLUMNS.contains(&column) {
            format!("{title} ({})", quote.currency.code)
        } else {
            title.to_owned()
        };
        sheet.write_string_with_format(0, column, title, &formats.head)?;
    }
    for (row, line) in (1u32..).zip(&quote.lines) {
        let items: Vec<&str> = line.instances.iter().map(|id| id.as_str()).collect();
        sheet.write_number(row, 0, u32::try_from(line.position).unwrap_or(u32::MAX))?;
        sheet.write_string(row, 1, cell(&line.sku))?;
        sheet.write_string(row, 2, cell(line.product_id.as_str()))?;
        sheet.write_string(row, 3, cell(&line.description()))?;
        sheet.write_number(row, 4, line.quantity)?;
        sheet.write_number(row, 6, number(line.discount_percent))?;
        sheet.write_number(row, 10, number(line.vat_percent))?;
        for (column, value) in [
            (5, line.unit_price),
            (7, line.amount),
            (8, line.quote_discount),
            (9, line.net),
            (11, line.vat),
            (12, line.gross),
        ] {
            sheet.write_number_with_format(row, column, number(value), &formats.money)?;
        }
        sheet.write_string(row, 13, items_cell(&items))?;
        // One price-table row per text line: "Upholstery: group D × 2000–2199 mm = 1890.00".
        let tables = price_tables_text(line, decimals, "\n");
        if !tables.is_empty() {
            sheet.write_string_with_format(row, 14, cell(&tables), &formats.wrap)?;
        }
    }
    let count = u32::try_from(quote.lines.len()).unwrap_or(u32::MAX - 4);
    let total_row = count + 1;
    let totals = &quote.totals;
    sheet.write_string_with_format(total_row, 3, "Total", &formats.total_label)?;
    for column in [0, 1, 2, 6, 10, 13, 14] {
        sheet.write_blank(total_row, column, &formats.total_label)?;
    }
    let unit_prices: Decimal = quote
        .lines
        .iter()
        .map(|line| line.unit_price * Decimal::from(line.quantity))
        .sum();
    for column in SUMMED_COLUMNS {
        let letter = column_letter(column);
        let (cached, format) = match column {
            4 => (totals.quantity.to_string(), &formats.total_number),
            // The unit price column totals price × quantity: the list value before discounts.
            5 => (result(unit_prices, decimals), &formats.total_money),
            7 => (result(totals.amount, decimals), &formats.total_money),
            8 => (
                result(totals.quote_discount, decimals),
                &formats.total_money,
            ),
            9 => (result(totals.net, decimals), &formats.total_money),
            11 => (result(totals.vat, decimals), &formats.total_money),
            _ => (result(totals.gross, decimals), &formats.total_money),
        };
        let formula = if column == 5 {
            format!("=SUMPRODUCT(E2:E{total_row},F2:F{total_row})")
        } else {
            format!("=SUM({letter}2:{letter}{total_row})")
        };
        if count == 0 {
            sheet.write_number_with_format(total_row, column, 0.0, format)?;
        } else {
            sheet.write_formula_with_format(
                total_row,
                column,
                Formula::new(formula).set_result(cached),
                format,
            )?;
        }
    }
    for (row, group) in (total_row + 2..).zip(&totals.vat_groups) {
        let rate = group.rate_percent.normalize();
        sheet.write_string(row, 3, format!("VAT {rate}%: net and VAT"))?;
        sheet.write_number(row, 10, number(rate))?;
        for (column, value) in [(9u16, group.net), (11, group.vat)] {
            let letter = column_letter(column);
            let formula = format!(
                "=SUMIF(K2:K{total_row},K{},{letter}2:{letter}{total_row})",
                row + 1
            );
            sheet.write_formula_with_format(
                row,
                column,
                Formula::new(formula).set_result(result(value, decimals)),
                &formats.money,
            )?;
        }
    }
    for (column, width) in [
        (0u16, 8.0),
        (1, 22.0),
        (2, 20.0),
        (3, 60.0),
        (4, 9.0),
        (5, 16.0),
        (6, 11.0),
        (7, 16.0),
        (8, 16.0),
        (9, 16.0),
        (10, 8.0),
        (11, 14.0),
        (12, 16.0),
        (13, 30.0),
        (14, 50.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed: landscape, one page wide, the heads on every page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn write_bom(sheet: &mut Worksheet, quote: &Quote, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name("BOM")?;
    for (column, title) in (0u16..).zip(["Part", "Description", "Quantity"]) {
        sheet.write_string_with_format(0, column, title, &formats.head)?;
    }
    for (row, part) in (1u32..).zip(&quote.bom) {
        sheet.write_string(row, 0, cell(&part.part))?;
        sheet.write_string(row, 1, cell(&part.description))?;
        sheet.write_number(row, 2, part.quantity as f64)?;
    }
    let total_row = u32::try_from(quote.bom.len()).unwrap_or(u32::MAX - 2) + 1;
    sheet.write_string_with_format(total_row, 0, "Total parts", &formats.total_label)?;
    sheet.write_blank(total_row, 1, &formats.total_label)?;
    let parts: u64 = quote.bom.iter().map(|part| part.quantity).sum();
    if quote.bom.is_empty() {
        sheet.write_number_with_format(total_row, 2, 0.0, &formats.total_number)?;
    } else {
        sheet.write_formula_with_format(
            total_row,
            2,
            Formula::new(format!("=SUM(C2:C{total_row})")).set_result(parts.to_string()),
            &formats.total_number,
        )?;
    }
    sheet.set_column_width(0, 24.0)?;
    sheet.set_column_width(1, 50.0)?;
    sheet.set_column_width(2, 10.0)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_details(
    sheet: &mut Worksheet,
    document: &QuoteDocument,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Quote")?;
    let customer = &document.customer;
    let mut rows: Vec<(String, String)> = vec![
        ("Quote number".into(), document.reference.clone()),
        ("Date".into(), document.issue_date.to_string()),
        ("Valid until".into(), document.valid_until.to_string()),
        ("Dealer".into(), document.dealer.name.clone()),
        ("Customer".into(), customer.name.clone()),
        ("Address".into(), customer.address.clone()),
        ("E-mail".into(), customer.email.clone()),
        ("Phone".into(), customer.phone.clone()),
        ("Currency".into(), document.quote.currency.code.clone()),
        (
            "Quote discount %".into(),
            document.quote.discount_percent.normalize().to_string(),
        ),
    ];
    for list in &document.price_lists {
        let date = list.date.map(|date| date.to_string()).unwrap_or_default();
        rows.push((
            "Price list".into(),
            format!("{} {} {date}", list.name, list.version)
                .trim_end()
                .to_owned(),
        ));
    }
    rows.push((
        "Planning issues".into(),
        document.violations.len().to_string(),
    ));
    for message in document.violation_messages() {
        rows.push((String::new(), message));
    }
    for (row, (label, value)) in (0u32..).zip(rows) {
        sheet.write_string_with_format(row, 0, label, &formats.head)?;
        sheet.write_string_with_format(row, 1, cell(&value), &formats.wrap)?;
    }
    sheet.set_column_width(0, 18.0)?;
    sheet.set_column_width(1, 80.0)?;
    Ok(())
}

/// The workbook's bytes.
///
/// # Errors
/// Only if the writer refuses a value (it does not for valid quotes).
pub fn quote_xlsx(document: &QuoteDocument) -> Result<Vec<u8>, XlsxError> {
    let quote = &document.quote;
    let formats = Formats::new(quote);
    let mut workbook = Workbook::new();
    let (year, month, day) = document.issue_date.0.to_calendar_date();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(year).unwrap_or(1900).clamp(1900, 9999),
        u8::from(month),
        day,
    )?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(cell(&format!("Quote {}", document.reference)))
            .set_author(cell(&document.dealer.name))
            .set_company(cell(&document.dealer.name))
            .set_creation_datetime(&created),
    );
    write_lines(workbook.add_worksheet(), quote, &formats)?;
    write_bom(workbook.add_worksheet(), quote, &formats)?;
    write_details(workbook.add_worksheet(), document, &formats)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed, room};
    use crate::domain::pricing::dealer::Dealer;
    use crate::domain::pricing::quote_document::quote_document;
    use crate::domain::values::date::IsoDate;

    #[test]
    fn long_texts_and_id_lists_fit_one_cell_and_say_what_was_left_out() {
        assert_eq!(cell("short"), "short");
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let cut = cell(&long);
        assert!(cut.chars().count() <= MAX_CELL_CHARS);
        assert!(
            cut.ends_with("… (50 more characters)"),
            "{}",
            &cut[cut.len() - 40..]
        );
        let ids: Vec<String> = (0..5_000).map(|i| format!("chair-vik-{i:05}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let items = items_cell(&ids);
        assert!(items.chars().count() <= MAX_CELL_CHARS);
        assert!(items.starts_with("chair-vik-00000 chair-vik-00001 "));
        assert!(items.ends_with(" more"), "{}", &items[items.len() - 30..]);
        assert_eq!(
            items_cell(&ids[..3]),
            "chair-vik-00000 chair-vik-00001 chair-vik-00002"
        );
    }

    #[test]
    fn a_line_of_5000_identical_products_and_a_huge_customer_field_are_written() {
        let mut layout = room();
        for index in 0..5_000_i64 {
            // Apart from each other (most outside the room, which only adds notices).
            let at = (600 + index % 100 * 400, 700 + index / 100 * 400);
            layout
                .products
                .push(placed(&format!("chair-vik-{index:05}"), "lamp", at, 0.0));
        }
        layout.customer.name = "N".repeat(40_000);
        let date = IsoDate::parse("2026-11-22").unwrap();
        let document = quote_document(
            &layout,
            &catalogs(),
            &Dealer::default(),
            "Q-2026-0007",
            date,
        )
        .unwrap();
        assert_eq!(document.quote.lines.len(), 1);
        assert!(quote_xlsx(&document).is_ok());
    }
}
