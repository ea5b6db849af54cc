//! Marks products that break a constraint: their parts turn red the moment a violation
//! appears, and back when it goes.

use crate::live::LiveState;
use crate::scene::materials::MaterialCache;
use crate::scene::products::{ProductEntity, ProductPart};
use bevy::prelude::*;
use room_planner_core::domain::values::ids::ElementId;

/// Set on a product entity while it breaks a constraint.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violating;

/// Swaps part materials between their own look and the violation look.
pub(crate) fn show_violations(
    mut commands: Commands,
    live: Res<LiveState>,
    products: Query<(Entity, &ProductEntity, Has<Violating>, &Children)>,
    new_products: Query<(), Added<ProductEntity>>,
    mut parts: Query<(&ProductPart, &mut MeshMaterial3d<StandardMaterial>)>,
    mut cache: ResMut<MaterialCache>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    if !live.is_changed() && new_products.is_empty() {
        return;
    }
    let offending = live.checker.elements_in_violation();
    let red = cache.violation(&mut materials);
    for (entity, product, was_violating, children) in &products {
        let violating = offending.contains(&ElementId::Product(product.id.clone()));
        if violating == was_violating && !new_products.contains(entity) {
            continue;
        }
        if violating {
            commands.entity(entity).insert(Violating);
        } else {
            commands.entity(entity).remove::<Violating>();
        }
        for child in children.iter() {
            if let Ok((part, mut material)) = parts.get_mut(child) {
                material.0 = if violating {
                    red.clone()
                } else {
                    part.base.clone()
                };
            }
        }
    }
}
