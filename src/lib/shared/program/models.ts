/** Model views the pages draw in the browser (the replication tree, the map). */

/** A model and the replications made from it. */
export interface ModelTreeNode {
  id: string;
  name: string;
  status: string;
  started_on: string;
  unit_name: string;
  children: ModelTreeNode[];
}

/** A model placed at its unit's centre. */
export interface MapPoint {
  id: string;
  name: string;
  status: string;
  kind: string;
  place: string;
  lat: number;
  lon: number;
}
