/** Demo villages and members. Invented names, clearly labelled "(demo)"; not real people. */
export const DEMO_VILLAGES = [
  { key: 'ban_demo_1', commune: '03388', name: 'Bản Mẫu Một (demo)', households: 120 },
  { key: 'ban_demo_2', commune: '03388', name: 'Bản Mẫu Hai (demo)', households: 85 },
  { key: 'ban_demo_3', commune: '03390', name: 'Bản Mẫu Ba (demo)', households: 64 },
  { key: 'ban_demo_4', commune: '03390', name: 'Bản Mẫu Bốn (demo)', households: null }
] as const;

export const DEMO_PEOPLE: {
  name: string;
  born: number;
  sex: 'female' | 'male';
  village: string;
  card: string;
  joined: string;
  phone?: string;
}[] = [
  {
    name: 'Lường Thị Ún',
    born: 1955,
    sex: 'female',
    village: 'ban_demo_1',
    card: 'LC-0001',
    joined: '2015-03-01',
    phone: '0987000001'
  },
  { name: 'Lò Văn Khăm', born: 1952, sex: 'male', village: 'ban_demo_1', card: 'LC-0002', joined: '2012-06-15' },
  { name: 'Đỗ Thị Ánh', born: 1960, sex: 'female', village: 'ban_demo_1', card: 'LC-0003', joined: '2020-01-10' },
  { name: 'Nguyễn Văn Đức', born: 1949, sex: 'male', village: 'ban_demo_1', card: 'LC-0004', joined: '2010-09-02' },
  { name: 'Vàng A Dính', born: 1958, sex: 'male', village: 'ban_demo_2', card: 'LC-0005', joined: '2018-04-20' },
  { name: 'Tao Thị Dung', born: 1957, sex: 'female', village: 'ban_demo_2', card: 'LC-0006', joined: '2017-11-11' },
  { name: 'Ưng Văn An', born: 1951, sex: 'male', village: 'ban_demo_3', card: 'LC-0007', joined: '2011-02-28' },
  { name: 'Âu Thị Bình', born: 1963, sex: 'female', village: 'ban_demo_3', card: 'LC-0008', joined: '2023-05-05' },
  { name: 'Chẻo Láo Sì', born: 1950, sex: 'male', village: 'ban_demo_4', card: 'LC-0009', joined: '2016-07-07' }
];
