//! Price groups and price tables: every value's group is one the catalog declares; every table
//! has 1 to 3 keys naming options of the right kind, cells that are values, numbers, groups or
//! bands of those options, bands that are contiguous and do not overlap, one row per
//! combination, and a price for every combination the configurator can offer (checked in
//! `coverage`).

mod coverage;
mod derived_keys;

pub(super) use coverage::check_coverage;
use derived_keys::{DerivedDomain, derived_domain, validate_derived_cell, validate_derived_key};

use crate::domain::catalog::{
    Band, KeyCell, OptionDef, OptionDomain, PriceCell, PriceGroup, PriceKey, PriceRow, PriceTable,
};
use crate::domain::values::ids::{OptionId, ValueId};
use crate::storage::catalog::raw::{RawOption, RawProduct};
use crate::storage::catalog::raw_prices::{RawKeyCell, RawPriceCell, RawPriceKey, RawPriceTable};
use crate::storage::locate::Needle;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

use super::{Checker, Place};

/// Most price groups a catalog declares.
pub(super) const MAX_PRICE_GROUPS: usize = 64;
/// Most price tables per product.
const MAX_TABLES: usize = 10;
/// Most keys of one table.
const MAX_KEYS: usize = 3;
/// Most priced cells of one table.
const MAX_CELLS: usize = 5_000;
/// Largest percent surcharge (and smallest, negated: a discount of at most 100 %).
const MAX_PERCENT: i64 = 1_000;

/// Checks the catalog's `price_groups` and returns them ranked, cheapest first.
pub(super) fn validate_price_groups(
    checker: &mut Checker<'_>,
    groups: &[String],
) -> BTreeMap<String, u16> {
    let place = vec![(Needle::Key("price_groups"), 0)];
    if groups.len() > MAX_PRICE_GROUPS {
        checker.report(
            &place,
            format!(
                "{} price groups; a catalog declares at most {MAX_PRICE_GROUPS}",
                groups.len()
            ),
        );
    }
    let mut ranked = BTreeMap::new();
    for (rank, group) in (0u16..).zip(groups.iter().take(MAX_PRICE_GROUPS)) {
        let mut group_place = place.clone();
        group_place.push((Needle::Quoted(group), 0));
        checker.check_id(&group_place, "price group", group);
        if ranked.insert(group.clone(), rank).is_some() {
            checker.report(
                &group_place,
                format!("price group `{group}` is declared twice"),
            );
        }
    }
    ranked
}

/// Gives every choice value the price group it names.
pub(super) fn attach_groups(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &RawProduct,
    options: &mut [OptionDef],
) {
    for raw_option in &raw.options {
        let RawOption::Choice { id, values, .. } = raw_option else {
            continue;
        };
        let Some(def) = options.iter_mut().find(|def| def.id.as_str() == id) else {
            continue;
        };
        let OptionDomain::Choice(choices) = &mut def.domain else {
            continue;
        };
        for value in values {
            let Some(group) = &value.group else { continue };
            let place: Place<'_> = vec![
                anchor,
                (Needle::Key("options"), 0),
                (Needle::KeyValue("id", id), 0),
                (Needle::KeyValue("id", &value.id), 0),
                (Needle::Key("group"), 0),
            ];
            let Some(rank) = checker.price_groups.get(group).copied() else {
                let declared = if checker.price_groups.is_empty() {
                    "the catalog declares none: add `price_groups: [...]` after `vat_percent`"
                        .to_owned()
                } else {
                    let mut names: Vec<(&u16, &String)> = checker
                        .price_groups
                        .iter()
                        .map(|(name, rank)| (rank, name))
                        .collect();
                    names.sort();
                    let names: Vec<&str> = names.iter().map(|(_, name)| name.as_str()).collect();
                    format!("declared: {}", names.join(", "))
                };
                checker.report(
                    &place,
                    format!(
                        "value `{}` of option `{id}` names price group `{group}`, which the catalog does not declare ({declared})",
                        value.id
                    ),
                );
                checker.invalid_options.insert(id.clone());
                continue;
            };
            if let Some(choice) = choices
                .iter_mut()
                .find(|choice| choice.id.as_str() == value.id)
            {
                choice.group = Some(PriceGroup {
                    rank,
                    name: group.clone(),
                });
            }
        }
    }
}

/// Checks a product's price tables (everything but coverage, which needs the whole product).
pub(super) fn validate_prices(
    checker: &mut Checker<'_>,
    anchor: (Needle<'_>, usize),
    raw: &[RawPriceTable],
    options: &[OptionDef],
) -> Vec<PriceTable> {
    let prices_place = vec![anchor, (Needle::Key("prices"), 0)];
    if raw.len() > MAX_TABLES {
        checker.report(
            &prices_place,
            format!(
                "{} price tables; a product has at most {MAX_TABLES}",
                raw.len()
            ),
        );
        return Vec::new();
    }
    let mut tables = Vec::new();
    let mut labels = BTreeSet::new();
    for table in raw {
        let RawPriceTable::Table {
            label,
            keys,
            columns,
            rows,
        } = table;
        let mut place = prices_place.clone();
        place.push((Needle::KeyValue("label", label), 0));
        checker.check_text(&place, "price table label", label);
        if !labels.insert(label.clone()) {
            checker.report(&place, format!("two price tables are labelled `{label}`"));
        }
        if let Some(valid) = validate_table(checker, &place, label, keys, columns, rows, options) {
            tables.push(valid);
        }
    }
    tables
}

fn validate_table(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    label: &str,
    raw_keys: &[RawPriceKey],
    columns: &[RawKeyCell],
    rows: &[(Vec<RawKeyCell>, Vec<RawPriceCell>)],
    options: &[OptionDef],
) -> Option<PriceTable> {
    let before = checker.problems.len();
    if raw_keys.is_empty() || raw_keys.len() > MAX_KEYS {
        checker.report(
            place,
            format!(
                "price table `{label}` has {} keys; a table has 1 to {MAX_KEYS}",
                raw_keys.len()
            ),
        );
        return None;
    }
    let mut keys_place = place.to_vec();
    keys_place.push((Needle::Key("keys"), 0));
    // How often each option was named by the keys before, to locate the right mention.
    let mut mentions: BTreeMap<String, usize> = BTreeMap::new();
    let keys: Vec<PriceKey> = raw_keys
        .iter()
        .filter_map(|key| validate_key(checker, &keys_place, key, options, &mut mentions))
        .collect();
    if checker.problems.len() > before || keys.len() != raw_keys.len() {
        return None;
    }
    let cells_total = columns.len().saturating_mul(rows.len());
    if columns.is_empty() || rows.is_empty() || cells_total > MAX_CELLS {
        checker.report(
            place,
            format!(
                "price table `{label}` has {} columns and {} rows; it needs at least one of each and at most {MAX_CELLS} prices",
                columns.len(),
                rows.len()
            ),
        );
        return None;
    }
    let domains: Vec<Option<DerivedDomain>> = keys
        .iter()
        .map(|key| derived_domain(checker, key, options))
        .collect();
    let (last_key, leading_keys) = keys.split_last()?;
    let (last_domain, leading_domains) = domains.split_last()?;
    let mut columns_place = place.to_vec();
    columns_place.push((Needle::Key("columns"), 0));
    let column_cells: Vec<Option<KeyCell>> = columns
        .iter()
        .map(|cell| {
            validate_cell(
                checker,
                &columns_place,
                (last_key, last_domain.as_ref()),
                cell,
                options,
            )
        })
        .collect();
    let mut rows_place = place.to_vec();
    rows_place.push((Needle::Key("rows"), 0));
    let mut priced = Vec::new();
    let mut seen: BTreeMap<Vec<String>, ()> = BTreeMap::new();
    for (leading, prices) in rows {
        let mut row_place = rows_place.clone();
        if let Some(RawKeyCell::Text(first)) = leading.first() {
            row_place.push((Needle::Quoted(first), 0));
        }
        if leading.len() != leading_keys.len() || prices.len() != columns.len() {
            checker.report(
                &row_place,
                format!(
                    "a row of price table `{label}` has {} key cells and {} prices; each row needs {} key cells (one per key but the last) and {} prices (one per column)",
                    leading.len(),
                    prices.len(),
                    leading_keys.len(),
                    columns.len()
                ),
            );
            continue;
        }
        let leading_cells: Vec<Option<KeyCell>> = leading
            .iter()
            .zip(leading_keys.iter().zip(leading_domains))
            .map(|(cell, (key, domain))| {
                validate_cell(checker, &row_place, (key, domain.as_ref()), cell, options)
            })
            .collect();
        for ((column, column_cell), price) in columns.iter().zip(&column_cells).zip(prices) {
            let mut combination: Vec<String> = leading.iter().map(ToString::to_string).collect();
            combination.push(column.to_string());
            if seen.insert(combination.clone(), ()).is_some() {
                checker.report(
                    &row_place,
                    format!(
                        "price table `{label}` gives {} twice",
                        combination.join(" × ")
                    ),
                );
            }
            let price = match price {
                RawPriceCell::Nothing => continue,
                RawPriceCell::Amount(amount) => {
                    checker.check_price(
                        &row_place,
                        &format!("price of {} in table `{label}`", combination.join(" × ")),
                        *amount,
                        true,
                    );
                    PriceCell::Amount(*amount)
                }
                RawPriceCell::Percent(percent) => {
                    if percent.abs() > Decimal::from(MAX_PERCENT)
                        || *percent < -Decimal::ONE_HUNDRED
                    {
                        checker.report(
                            &row_place,
                            format!(
                                "surcharge {percent}% of {} in table `{label}` is not between -100% and {MAX_PERCENT}%",
                                combination.join(" × ")
                            ),
                        );
                    }
                    PriceCell::Percent(*percent)
                }
            };
            let cells: Option<Vec<KeyCell>> = leading_cells
                .iter()
                .chain(std::iter::once(column_cell))
                .cloned()
                .collect();
            if let Some(cells) = cells {
                priced.push(PriceRow { cells, price });
            }
        }
    }
    if checker.problems.len() == before {
        check_bands(checker, place, label, &keys, &priced);
    }
    (checker.problems.len() == before).then(|| PriceTable {
        label: label.to_owned(),
        keys,
        rows: priced,
    })
}

fn validate_key(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    key: &RawPriceKey,
    options: &[OptionDef],
    mentions: &mut BTreeMap<String, usize>,
) -> Option<PriceKey> {
    let named: Vec<&String> = match key {
        RawPriceKey::Option(option) | RawPriceKey::Group(option) | RawPriceKey::Band(option) => {
            vec![option]
        }
        RawPriceKey::HighestGroup(slots) => slots.iter().collect(),
    };
    if let RawPriceKey::HighestGroup(slots) = key
        && slots.len() < 2
    {
        checker.report(
            place,
            "HighestGroup compares two or more options; use Group for one",
        );
        return None;
    }
    let mut defs = Vec::new();
    for option in named {
        let nth = mentions.entry(option.clone()).or_insert(0);
        let mut option_place = place.to_vec();
        option_place.push((Needle::Quoted(option), *nth));
        *nth += 1;
        let Some(def) = options.iter().find(|def| def.id.as_str() == option) else {
            if let Some(kind) = checker.derived_kind(option) {
                let problem = validate_derived_key(key, option, kind?);
                if let Some(problem) = problem {
                    checker.report(&option_place, problem);
                    return None;
                }
                defs.push(OptionId::from(option.as_str()));
                continue;
            }
            checker.report_missing_option(
                &option_place,
                option,
                format!("price table key names option `{option}`, which does not exist"),
            );
            return None;
        };
        let problem = match (key, &def.domain) {
            (RawPriceKey::Band(_), OptionDomain::Choice(_)) => Some(format!(
                "Band(\"{option}\") needs a range option; `{option}` is a choice: use Option(\"{option}\")"
            )),
            (RawPriceKey::Group(_) | RawPriceKey::HighestGroup(_), OptionDomain::Range(_)) => {
                Some(format!(
                    "a group key needs a choice option whose values name price groups; `{option}` is a range"
                ))
            }
            (RawPriceKey::Group(_) | RawPriceKey::HighestGroup(_), OptionDomain::Choice(values)) => {
                values.iter().find(|value| value.group.is_none()).map(|value| {
                    format!(
                        "value `{}` of option `{option}` has no price group; a group key needs `group: \"…\"` on every value",
                        value.id
                    )
                })
            }
            _ => None,
        };
        if let Some(problem) = problem {
            // A value whose group was already reported as undeclared is not reported again.
            if !checker.invalid_options.contains(option.as_str()) {
                checker.report(&option_place, problem);
            }
            return None;
        }
        defs.push(def.id.clone());
    }
    let first = defs.first()?.clone();
    Some(match key {
        RawPriceKey::Option(_) => PriceKey::Option(first),
        RawPriceKey::Group(_) => PriceKey::Group(first),
        RawPriceKey::Band(_) => PriceKey::Band(first),
        RawPriceKey::HighestGroup(_) => PriceKey::HighestGroup(defs),
    })
}

fn validate_cell(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    (key, derived): (&PriceKey, Option<&DerivedDomain>),
    cell: &RawKeyCell,
    options: &[OptionDef],
) -> Option<KeyCell> {
    let mut cell_place = place.to_vec();
    if let RawKeyCell::Text(text) = cell {
        cell_place.push((Needle::Quoted(text), 0));
    }
    let option: &OptionId = key.options().first().copied()?;
    let parsed = match derived {
        Some(domain) => validate_derived_cell(key, option, domain, cell),
        None => validate_option_cell(checker, key, cell, options, option)?,
    };
    match parsed {
        Ok(cell) => Some(cell),
        Err(message) => {
            checker.report(&cell_place, message);
            None
        }
    }
}

/// A cell of a key naming an option; `None` when the option is unknown (reported before).
fn validate_option_cell(
    checker: &Checker<'_>,
    key: &PriceKey,
    cell: &RawKeyCell,
    options: &[OptionDef],
    option: &OptionId,
) -> Option<Result<KeyCell, String>> {
    let def = options.iter().find(|def| &def.id == option)?;
    Some(match (key, cell) {
        (PriceKey::Option(_), RawKeyCell::Text(text))
            if def.choice(&ValueId::from(text.as_str())).is_some() =>
        {
            Ok(KeyCell::Value(ValueId::from(text.as_str())))
        }
        (PriceKey::Option(_), RawKeyCell::Text(text)) => {
            Err(format!("`{text}` is not a value of option `{option}`"))
        }
        (PriceKey::Option(_), RawKeyCell::Number(number)) => match &def.domain {
            OptionDomain::Range(range) if range.allows(*number) => Ok(KeyCell::Number(*number)),
            OptionDomain::Range(range) => Err(format!(
                "{number} is not a value of option `{option}` ({} to {} in steps of {})",
                range.min, range.max, range.step
            )),
            OptionDomain::Choice(_) => Err(format!(
                "{number} is not a value of option `{option}`: write its value ids in quotes"
            )),
        },
        (PriceKey::Group(_) | PriceKey::HighestGroup(_), RawKeyCell::Text(text))
            if checker.price_groups.contains_key(text) =>
        {
            Ok(KeyCell::Group(text.clone()))
        }
        (PriceKey::Group(_) | PriceKey::HighestGroup(_), _) => Err(format!(
            "`{cell}` is not a price group the catalog declares in price_groups"
        )),
        (PriceKey::Band(_), _) => band_cell(cell),
    })
}

/// A cell of a banded key: `from..to` or `from..=to`.
fn band_cell(cell: &RawKeyCell) -> Result<KeyCell, String> {
    match cell {
        RawKeyCell::Text(text) => parse_band(text).map(KeyCell::Band),
        RawKeyCell::Number(number) => Err(format!(
            "{number} is not a band: write \"{number}..{}\" (from..to, to not included)",
            number + 100
        )),
    }
}

/// `from..to` (to not included) or `from..=to`.
fn parse_band(text: &str) -> Result<Band, String> {
    let wrong = || {
        format!(
            "`{text}` is not a band: write from..to (to not included) such as \"1800..2000\", or from..=to"
        )
    };
    let (from, to, inclusive) = match text.split_once("..=") {
        Some((from, to)) => (from, to, true),
        None => {
            let (from, to) = text.split_once("..").ok_or_else(wrong)?;
            (from, to, false)
        }
    };
    let from: i64 = from.trim().parse().map_err(|_| wrong())?;
    let to: i64 = to.trim().parse().map_err(|_| wrong())?;
    let to = if inclusive {
        to.checked_add(1).ok_or_else(wrong)?
    } else {
        to
    };
    if to <= from {
        return Err(format!(
            "band `{text}` is empty: its end must lie above its start"
        ));
    }
    Ok(Band { from, to })
}

/// The bands of each banded key, taken together, must follow one another without gaps or
/// overlaps.
fn check_bands(
    checker: &mut Checker<'_>,
    place: &[(Needle<'_>, usize)],
    label: &str,
    keys: &[PriceKey],
    rows: &[PriceRow],
) {
    for (index, key) in keys.iter().enumerate() {
        if !matches!(key, PriceKey::Band(_)) {
            continue;
        }
        let bands: BTreeSet<Band> = rows
            .iter()
            .filter_map(|row| match row.cells.get(index) {
                Some(KeyCell::Band(band)) => Some(*band),
                _ => None,
            })
            .collect();
        for (lower, upper) in bands.iter().zip(bands.iter().skip(1)) {
            let problem = if upper.from < lower.to {
                Some(format!(
                    "bands {}..{} and {}..{} of price table `{label}` overlap: a band must start where the one before ends",
                    lower.from, lower.to, upper.from, upper.to
                ))
            } else if upper.from > lower.to {
                Some(format!(
                    "bands {}..{} and {}..{} of price table `{label}` leave a gap from {} to {}: a band must start where the one before ends",
                    lower.from,
                    lower.to,
                    upper.from,
                    upper.to,
                    lower.to,
                    upper.from - 1
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                let text = format!("{}..{}", upper.from, upper.to);
                let mut band_place = place.to_vec();
                band_place.push((Needle::Quoted(&text), 0));
                checker.report(&band_place, problem);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod derived_tests;
