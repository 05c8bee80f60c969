//! A force-directed layout (Fruchterman–Reingold with gravity), computed by khabar so that exports
//! open already laid out. Deterministic: start positions come from the node order and the run has a
//! fixed number of steps, so two builds of the same graph give the same coordinates.

use super::graph::Graph;

/// Positions (x, y) per node of `graph.nodes`, in a box of about ±`scale`.
pub fn layout(graph: &Graph, scale: f64) -> Vec<(f64, f64)> {
    let n = graph.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let (topology, _) = graph.topology();
    let edges: Vec<(usize, usize)> = topology.edge_indices().filter_map(|e| topology.edge_endpoints(e)).map(|(a, b)| (topology[a], topology[b])).collect();
    // start on a golden-angle spiral: spread out, no randomness
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = ((i as f64 + 0.5) / n as f64).sqrt();
            let a = i as f64 * 2.399_963_229_728_653;
            (r * a.cos(), r * a.sin())
        })
        .collect();
    let k = (1.0 / n as f64).sqrt();
    let steps = 400;
    for step in 0..steps {
        let temperature = 0.1 * (1.0 - step as f64 / steps as f64) + 0.002;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-9);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // gravity keeps unconnected parts from drifting away
            disp[i].0 -= pos[i].0 * 0.5;
            disp[i].1 -= pos[i].1 * 0.5;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt().max(1e-9);
            let step = len.min(temperature);
            pos[i].0 += disp[i].0 / len * step;
            pos[i].1 += disp[i].1 / len * step;
        }
    }
    let extent = pos.iter().map(|(x, y)| x.abs().max(y.abs())).fold(1e-9, f64::max);
    pos.into_iter().map(|(x, y)| ((x / extent * scale * 100.0).round() / 100.0, (y / extent * scale * 100.0).round() / 100.0)).collect()
}
